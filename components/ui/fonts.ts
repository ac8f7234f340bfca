// Inter (variable weight) self-hosted from @fontsource-variable/inter: nothing is fetched at build or run time.
// Put `fontVariables` on <html>; app/globals.css maps the variables to Tailwind's `font-sans`.
import localFont from "next/font/local";

/** Basic Latin; preloaded, with a metric-matched fallback so text does not jump when it arrives. */
export const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});

/**
 * Latin Extended (names such as "Łukasz" or "Dvořák"): downloaded only when a page contains such
 * characters (unicode-range), and listed before `inter` in the font stack so those characters get
 * Inter rather than the fallback face.
 */
export const interLatinExt = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter-ext",
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
    },
  ],
});

export const fontVariables = `${inter.variable} ${interLatinExt.variable}`;
