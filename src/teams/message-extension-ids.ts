/**
 * The message extension commands in manifest/teams/manifest.json (`composeExtensions`), as the
 * code reads them; the package test keeps the manifest in step.
 */
/** Search-based: compose box and command bar. Type words, pick an article card to insert. */
export const SEARCH_COMMAND_ID = 'searchArticles';
export const SEARCH_PARAMETER = 'searchQuery';
/** Action-based, on any message: "Troubleshoot this" (the Slack message shortcut's twin). */
export const TROUBLESHOOT_COMMAND_ID = 'troubleshootMessage';
/** The action's one optional field: what the person adds to the message ("since this morning"). */
export const NOTE_PARAMETER = 'note';
