// scanImage's overloads (the verify entry point and the whole package only: the function is
// exported with skip_typescript, so that its declaration can name the two return types).

/**
 * Every QR code in an image, text or not (`options.codes: true`), top to bottom then left to
 * right. Throws when the image is not of that shape, its size does not match its data, or it is
 * larger than the scanner accepts.
 */
export function scanImage(image: ImageData | RgbaImage, options: ScanOptions & { codes: true }): ScannedCode[];
/**
 * Every QR text in an image (`ImageData` or `{ width, height, data }`, 4 bytes a pixel), top to
 * bottom then left to right; codes whose data is not text are left out. `effort`: "thorough"
 * (default) for photos and files, "quick" for live camera frames. Throws when the image is not of
 * that shape, its size does not match its data, or it is larger than the scanner accepts.
 */
export function scanImage(image: ImageData | RgbaImage, options?: ScanOptions | null): string[];
