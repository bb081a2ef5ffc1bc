// The standard PDF fonts only encode WinAnsi; anything else (e.g. a name in another script) is replaced
// rather than failing the whole document.
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

export const printable = (text: string) =>
  [...text].map((ch) => ((ch.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRA.has(ch) ? ch : '?')).join('');
