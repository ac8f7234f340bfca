// The snippets an operator pastes into a wiki: a live iframe, or the chart image as Markdown or HTML.
import { DEFAULT_EMBED_SIZE } from "@/server/validation/embed";

export interface EmbedSnippets {
  pageUrl: string;
  imageUrl: string;
  iframe: string;
  markdown: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Markdown image alt text: brackets and backslashes would end or bend the syntax; line breaks too. */
const escapeMarkdownAlt = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, " ");

/** The chart page's footer line under the drawing, so the iframe shows all of it without scrolling. */
const FOOTER_PX = 24;

export function embedSnippets(opts: {
  origin: string;
  embedPath: string;
  svgPath: string;
  title: string;
}): EmbedSnippets {
  const origin = opts.origin.replace(/\/+$/, "");
  const pageUrl = `${origin}${opts.embedPath}`;
  const imageUrl = `${origin}${opts.svgPath}`;
  const { width, height } = DEFAULT_EMBED_SIZE;
  const title = escapeHtml(opts.title);
  return {
    pageUrl,
    imageUrl,
    // sandbox keeps the chart's own origin (it fetches its image from Tern) but nothing else: no popups,
    // no navigation of the wiki page.
    iframe: `<iframe src="${pageUrl}" title="${title}" width="${width}" height="${height + FOOTER_PX}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin"></iframe>`,
    markdown: `![${escapeMarkdownAlt(opts.title)}](${imageUrl})`,
    html: `<img src="${imageUrl}" alt="${title}" width="${width}" height="${height}" loading="lazy" referrerpolicy="no-referrer">`,
  };
}
