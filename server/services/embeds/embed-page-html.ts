// The HTML of the framable chart page and of the "not available" answers. No links, no buttons, no forms;
// a live page carries one small script that redraws the chart from the image endpoint every 10 s.
import { escapeXml as x } from "../../embeds/xml";
import { LIVE_REFRESH_MS } from "./embed-limits";

export interface EmbedPageText {
  brand: string;
  status: string;
  gone: string;
}

const STYLE = `html,body{margin:0;padding:0}
body{font:12px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#fff;color:#6b7280}
body.dark{background:#111827;color:#9ca3af}
figure{margin:0}
figure svg{display:block;width:100%;height:auto}
footer{display:flex;justify-content:space-between;gap:8px;padding:2px 8px 4px}
.brand{font-weight:600}
.gone{margin:0;padding:32px 16px;text-align:center;font-size:13px}`;

// Plain browser JavaScript, kept tiny: fetch the image, swap it in, stop for good when the link is gone.
const SCRIPT = `(()=>{const f=document.getElementById("embed");const t=document.getElementById("updated");if(!f||f.dataset.live!=="1")return;
const fmt=new Intl.DateTimeFormat(document.documentElement.lang,{hour:"2-digit",minute:"2-digit",second:"2-digit",hourCycle:"h23",timeZone:f.dataset.tz});
let busy=false;let timer=0;
const tick=async()=>{if(busy||document.hidden)return;busy=true;
try{const r=await fetch(f.dataset.src,{cache:"no-store",credentials:"omit"});
if(r.status===404){clearInterval(timer);const p=document.createElement("p");p.className="gone";p.textContent=f.dataset.gone;f.replaceChildren(p);if(t)t.textContent="";return;}
if(!r.ok)return;const d=new DOMParser().parseFromString(await r.text(),"image/svg+xml").documentElement;
if(d.namespaceURI!=="http://www.w3.org/2000/svg")return;f.replaceChildren(document.importNode(d,true));
if(t){const n=new Date();t.dateTime=n.toISOString();t.textContent=fmt.format(n);}}catch{}finally{busy=false;}};
timer=setInterval(()=>void tick(),${LIVE_REFRESH_MS});document.addEventListener("visibilitychange",()=>void tick());})();`;

export function embedPageHtml(opts: {
  nonce: string;
  locale: string;
  title: string;
  svg: string;
  live: boolean;
  /** The image endpoint with the same view, for live refreshes. */
  svgSrc: string;
  theme: "light" | "dark";
  timeZone: string;
  text: EmbedPageText;
  /** The time shown after the status, as text and ISO instant. */
  updated: { text: string; iso: string };
}): string {
  const { nonce, text } = opts;
  return [
    `<!doctype html><html lang="${x(opts.locale)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">`,
    `<title>${x(opts.title)} · ${x(text.brand)}</title><style nonce="${nonce}">${STYLE}</style></head>`,
    `<body class="${opts.theme}"><main>`,
    `<figure id="embed" data-live="${opts.live ? "1" : "0"}" data-src="${x(opts.svgSrc)}" data-tz="${x(opts.timeZone)}" data-gone="${x(text.gone)}">${opts.svg}</figure>`,
    `<footer><span class="brand">${x(text.brand)}</span><span>${x(text.status)} <time id="updated" datetime="${x(opts.updated.iso)}">${x(opts.updated.text)}</time></span></footer>`,
    `</main>`,
    opts.live ? `<script nonce="${nonce}">${SCRIPT}</script>` : "",
    `</body></html>`,
  ].join("");
}

export function notFoundPageHtml(opts: { locale: string; title: string; body: string }): string {
  return (
    `<!doctype html><html lang="${x(opts.locale)}"><head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow">` +
    `<title>${x(opts.title)}</title></head>` +
    `<body style="margin:0;font:13px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#6b7280;background:#fff">` +
    `<main style="padding:32px 16px;text-align:center"><p style="margin:0 0 4px;font-weight:600;color:#1f2937">${x(opts.title)}</p>` +
    `<p style="margin:0">${x(opts.body)}</p></main></body></html>`
  );
}

/** Browsers draw an image's body even with status 404, so a wiki shows why the chart is missing. */
export function notFoundSvg(opts: { title: string; body: string }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120" role="img" aria-label="${x(opts.title)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff" stroke="#e5e7eb"/>` +
    `<text x="240" y="54" text-anchor="middle" font-size="14" font-weight="600" fill="#1f2937">${x(opts.title)}</text>` +
    `<text x="240" y="78" text-anchor="middle" font-size="11" fill="#6b7280">${x(opts.body)}</text></svg>`
  );
}
