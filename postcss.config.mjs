// PostCSS runs Tailwind CSS 4 for app/globals.css.
export default {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};
