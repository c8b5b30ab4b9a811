// The package's hand-written declarations: the application (the input of checkApplication), the
// options of the functions and the types only JavaScript has. The shapes of the answers (Report,
// VerificationResult, ...) are generated from the Rust types into wasm-shapes.d.ts; wasm-bindgen
// declares the functions and classes from src/wasm.rs; all of it is one .d.ts in the package.

// ----- The application (input of checkApplication) -----------------------------------------
// Every field is optional and may even be of the wrong type: what is missing or unreadable
// becomes a finding (field.required, ...), never an exception.

export type PassportKind = "ordinary" | "diplomatic" | "service";
export type EntryPurpose = "private" | "tourism" | "business" | "work" | "study" | "other";
export type HostKind = "person" | "organization";
export type Premises =
  | "house" | "apartment" | "dormitory" | "hotel" | "rest_home" | "sanatorium" | "other_residential";

export interface Application {
  immigrant?: {
    surname?: string;
    givenNames?: string;
    patronymic?: string | null;
    birthDate?: IsoDate;
    citizenship?: string;
    passport?: { number?: string; kind?: PassportKind; expiresOn?: IsoDate };
  };
  entry?: { date?: IsoDate; purpose?: EntryPurpose; contractUntil?: IsoDate | null };
  previousStays?: Array<{ entry?: IsoDate; exit?: IsoDate }>;
  host?: { kind?: HostKind; id?: string; name?: string };
  address?: {
    region?: string; locality?: string; street?: string; building?: string;
    apartment?: string | null; premises?: Premises;
  };
  stay?: { from?: IsoDate; to?: IsoDate };
  addressChange?: { movedOn?: IsoDate } | null;
  policy?: Partial<Policy> | null;
}

export interface CheckOptions {
  /** The evaluation date; default: today in Kazakhstan (UTC+5). */
  today?: IsoDate;
  /** Default: "ru". */
  lang?: Lang;
}

/**
 * The label of each field of the application in one language, keyed by the paths of the
 * findings ("immigrant.surname"); the rows of earlier stays as "previousStays[]",
 * "previousStays[].entry" and "previousStays[].exit", whose "{n}" is the row's number from 1.
 */
export type FieldLabels = Record<string, string>;

/** The grammatical case of a Kazakh date ("dative" before "дейін"); Russian and English ignore it. */
export type DateCase = "nominative" | "dative" | "locative" | "ablative" | "genitive";

export interface FormatDateOptions {
  /** Default: "nominative". */
  case?: DateCase;
}

/** What formatCount counts. */
export type CountUnit = "days" | "workingDays" | "age";

// ----- Certificates ------------------------------------------------------------------------

export interface Messages {
  /** The short name of each status, e.g. statuses.valid = "Valid". */
  statuses: Record<VerificationStatus, string>;
}

export interface VerifyOptions {
  /** The date to check for; default: today in Kazakhstan (UTC+5) at the moment of the call. */
  on?: IsoDate;
  /** Default: "ru". */
  lang?: Lang;
  /**
   * The device's clock in seconds since 1970 (default: now; a fraction is dropped), which judges
   * the lists' freshness; for tests.
   */
  now?: number;
}

export interface VerifierOptions {
  /** Days after a list's next update during which it still confirms certificates (default 7). */
  graceDays?: number;
}

export interface LoadOptions {
  /**
   * The latest `iat` (seconds since 1970) ever accepted for this list, kept by the caller across
   * reloads: an older list is refused, one issued at it accepted.
   */
  minIssuedAt?: number;
  /** The device's clock in seconds since 1970 (default: now; a fraction is dropped); for tests. */
  now?: number;
}

export interface IssueOptions {
  /** Seconds since 1970; default: now. */
  issuedAt?: number;
}

// ----- Data bundles ------------------------------------------------------------------------

/** A data bundle a Verifier checked and installed. */
export interface LoadedDataBundle {
  /** The signed payload: `new RulesData(payload)` checks applications by its tables (in `tirkeu` and `tirkeu/rules-data`). */
  payload: Uint8Array;
  summary: DataBundleSummary;
  /** The kid of the `data` key that signed it (hex). */
  kid: string;
  /** Signed by a demonstration key. */
  demo: boolean;
}

// ----- QR codes ----------------------------------------------------------------------------

export interface QrMatrix {
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `modules[y * size + x]` is 1 for a dark module. */
  modules: Uint8Array;
}

export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes (RGBA) a pixel. */
  data: Uint8ClampedArray | Uint8Array;
}

/** The part of a camera frame a `FrameScanner` reads next: draw the frame's source rectangle at
 * `width` x `height` (`drawImage(video, sourceLeft, sourceTop, sourceWidth, sourceHeight, 0, 0,
 * width, height)`, with `imageSmoothingEnabled = false`) and pass those pixels to `scanView`. */
export interface FrameView {
  sourceLeft: number;
  sourceTop: number;
  sourceWidth: number;
  sourceHeight: number;
  width: number;
  height: number;
}

export interface ScanOptions {
  /** "thorough" (default) for photos and files, "quick" for live camera frames. */
  effort?: "quick" | "thorough";
  /** `true`: every QR code found, text or not, as `ScannedCode` objects (default: the texts). */
  codes?: boolean;
}

// ----- Facts for pages ---------------------------------------------------------------------
// kazakhstanUtcOffsetSeconds(): number, qrQuietZoneModules(): number and defaultPolicy(): Policy
// are declared from their bindings (src/wasm.rs, the last block).
