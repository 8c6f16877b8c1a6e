// The hyphen package ships no types; this is the part of its API the matrix uses.
declare module 'hyphen/en-us/index.js' {
  interface HyphenateOptions {
    /** Words shorter than this are left whole. */
    minWordLength?: number;
    hyphenChar?: string;
  }
  const hyphen: { hyphenateSync(text: string, options?: HyphenateOptions): string };
  export default hyphen;
}
