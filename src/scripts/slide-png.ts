// Placeholder until the slide drawing lands from its branch.
export function enableSlidePng(_doc: Document, _report?: (message: string) => void): void {}
