// The tags a site pastes for the portal's widget, from a release's manifest (integrity.json): the
// login's chunks preloaded with their integrity, then the versioned entry. Pure (no Node, no DOM):
// the build prints them, the embed guide shows them, and the installation check (<jp-doctor>)
// offers them when a page pins an older release. Invariant: every tag carries its integrity and
// crossorigin="anonymous" (a module from another origin needs it).

/** What the tags need of a manifest (widget/scripts/dist-layout.ts WidgetManifest). */
export interface TagManifest {
  /** The versioned entry, relative to /widget/ (e.g. `0.1.0-3f9a0c2e/jp-portal.js`). */
  entry: string;
  /** The entry's Subresource Integrity. */
  integrity: string;
  /** Every script of the release (relative to /widget/) with its integrity. */
  files: Record<string, string>;
  /** The chunks the entry imports statically (relative to /widget/): the login's path. */
  preload: string[];
}

/** The versioned entry's script tag alone (a page that gives the chunks' integrity by an import map instead). */
export const entryTag = (m: TagManifest, origin: string) =>
  `<script type="module" src="${origin}/widget/${m.entry}" integrity="${m.integrity}" ` +
  `crossorigin="anonymous"></script>`;

/**
 * The tags a site pastes, for the portal at `origin`: the versioned entry with its integrity, after
 * the preloads of the login's chunks (each with its own integrity), so a phone fetches the login
 * path in one round trip.
 */
export const scriptTag = (m: TagManifest, origin: string) =>
  [
    ...m.preload.map(
      (f) =>
        `<link rel="modulepreload" href="${origin}/widget/${f}" integrity="${m.files[f]}" crossorigin="anonymous">`,
    ),
    entryTag(m, origin),
  ].join('\n');
