//! Encoding a text as a QR symbol and drawing it: as SVG (library, browser) and as luma pixels
//! (for PNG output on the command line and for round-trip tests).

use core::fmt::Write as _;

use super::QrError;
use super::encode::{alphanumeric_symbol, smallest_version};
use super::image::{LumaImage, MAX_PIXELS};

/// Quiet zone the issuer draws around the symbol, in modules (ISO/IEC 18004 asks for 4).
pub const QUIET_ZONE_MODULES: u32 = 4;

/// The QR alphanumeric character set, in the order of its code values (ISO/IEC 18004, 7.4.4).
const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// A rendered QR symbol: a square of modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    version: u8,
    width: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// The QR version, 1-40.
    ///
    /// # Example
    ///
    /// ```
    /// let code = tirkeu_qr::encode("KZ1:HELLO")?;
    /// assert_eq!(code.version(), 1);
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side, without the quiet zone (`17 + 4 * version`).
    ///
    /// # Example
    ///
    /// ```
    /// let code = tirkeu_qr::encode("KZ1:HELLO")?;
    /// assert_eq!(code.width(), 21);
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark (false outside the symbol).
    ///
    /// # Example
    ///
    /// ```
    /// let code = tirkeu_qr::encode("KZ1:HELLO")?;
    /// // The top-left finder pattern's corner is dark; outside the symbol is light.
    /// assert!(code.is_dark(0, 0));
    /// assert!(!code.is_dark(1000, 0));
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width
            && y < self.width
            && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    /// The symbol as SVG text, drawn as described by [`SvgOptions`].
    ///
    /// # Example
    ///
    /// ```
    /// use tirkeu_qr::{encode, SvgOptions};
    /// let svg = encode("KZ1:HELLO")?.to_svg(&SvgOptions::default().label("Registration certificate"));
    /// assert!(svg.contains(r#"aria-label="Registration certificate""#));
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn to_svg(&self, options: &SvgOptions) -> String {
        svg_document(self, options)
    }

    /// The symbol as 8-bit greyscale pixels (dark 0, light 255): `module_pixels` pixels per
    /// module, `quiet_zone` light modules on every side.
    ///
    /// # Errors
    ///
    /// [`QrError::ImageSize`] when `module_pixels` is 0 or the image would exceed
    /// [`MAX_PIXELS`](super::MAX_PIXELS).
    ///
    /// # Example
    ///
    /// ```
    /// let code = tirkeu_qr::encode("KZ1:HELLO")?;
    /// let image = code.to_luma(3, 4)?;
    /// assert_eq!(image.width(), (21 + 2 * 4) * 3);
    /// assert_eq!(tirkeu_qr::scan_luma(image.width(), image.height(), image.pixels()).unwrap(), ["KZ1:HELLO"]);
    /// # Ok::<(), tirkeu_qr::QrError>(())
    /// ```
    pub fn to_luma(&self, module_pixels: u32, quiet_zone: u32) -> Result<LumaImage, QrError> {
        let modules = (self.width as u64).saturating_add(2 * u64::from(quiet_zone));
        let side = modules.saturating_mul(u64::from(module_pixels));
        if module_pixels == 0 || side.saturating_mul(side) > MAX_PIXELS {
            return Err(QrError::ImageSize {
                module_pixels,
                quiet_zone,
            });
        }
        // `side` fits u32: its square is at most MAX_PIXELS.
        let side = side as usize;
        let scale = module_pixels as usize;
        let offset = quiet_zone as usize;
        let mut pixels = vec![255u8; side * side];
        for (y, row) in pixels.chunks_exact_mut(side).enumerate() {
            let module_y = (y / scale).checked_sub(offset);
            for (x, pixel) in row.iter_mut().enumerate() {
                let module_x = (x / scale).checked_sub(offset);
                if let (Some(mx), Some(my)) = (module_x, module_y)
                    && self.is_dark(mx, my)
                {
                    *pixel = 0;
                }
            }
        }
        LumaImage::new(side as u32, side as u32, pixels).map_err(|_| QrError::ImageSize {
            module_pixels,
            quiet_zone,
        })
    }
}

/// How [`render_svg_with`] draws a code. Colours are any CSS colour; every value is escaped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SvgOptions {
    /// The accessible name (`aria-label`) of the image.
    pub label: String,
    /// Colour of the dark modules.
    pub dark: String,
    /// Colour of the background and quiet zone.
    pub light: String,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            label: "QR code".to_owned(),
            dark: "#000".to_owned(),
            light: "#fff".to_owned(),
        }
    }
}

impl SvgOptions {
    /// Sets the accessible name (`aria-label`).
    ///
    /// # Example
    ///
    /// ```
    /// let options = tirkeu_qr::SvgOptions::default().label("Тіркеу туралы анықтама");
    /// assert_eq!(options.label, "Тіркеу туралы анықтама");
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the colours of the dark modules and of the background.
    ///
    /// # Example
    ///
    /// ```
    /// let options = tirkeu_qr::SvgOptions::default().colors("#1a1a1a", "white");
    /// assert_eq!(options.dark, "#1a1a1a");
    /// ```
    pub fn colors(mut self, dark: impl Into<String>, light: impl Into<String>) -> Self {
        self.dark = dark.into();
        self.light = light.into();
        self
    }
}

/// Encodes `text` as one alphanumeric segment at error correction level Q, in the smallest
/// version that holds it (certificate spec, section 1).
///
/// # Errors
///
/// [`QrError::UnsupportedCharacter`] for a character outside `0-9A-Z $%*+-./:`;
/// [`QrError::TooLong`] when the text does not fit version 40 at level Q (2,420 characters).
///
/// # Example
///
/// ```
/// use tirkeu_qr::encode;
/// // 47 characters: the most a version 3 symbol holds at level Q.
/// let text = format!("KZ1:{}", "6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+");
/// assert_eq!(encode(&text)?.version(), 3);
/// assert_eq!(encode(&format!("{text}A"))?.version(), 4);
/// assert!(matches!(encode("kz1:"), Err(tirkeu_qr::QrError::UnsupportedCharacter { index: 0, .. })));
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    let mut values = Vec::with_capacity(text.len());
    for (index, character) in text.char_indices() {
        values.push(
            alphanumeric_value(character)
                .ok_or(QrError::UnsupportedCharacter { index, character })?,
        );
    }
    let too_long = QrError::TooLong { len: values.len() };
    let version = smallest_version(values.len()).ok_or_else(|| too_long.clone())?;
    let dark = alphanumeric_symbol(&values, version).ok_or_else(|| too_long.clone())?;
    Ok(QrCode {
        version: u8::try_from(version).map_err(|_| too_long)?,
        width: 17 + 4 * version,
        dark,
    })
}

/// Renders `text` as a standalone SVG document with a 4-module quiet zone and default options.
///
/// # Errors
///
/// [`QrError`] when the text cannot be encoded (see [`encode`]).
///
/// # Example
///
/// ```
/// let svg = tirkeu_qr::render_svg("KZ1:HELLO")?;
/// assert!(svg.starts_with("<svg ") && svg.contains(r#"viewBox="0 0 29 29""#));
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn render_svg(text: &str) -> Result<String, QrError> {
    render_svg_with(text, &SvgOptions::default())
}

/// Renders `text` as a standalone SVG document with a 4-module quiet zone, drawn as `options`
/// says.
///
/// # Errors
///
/// [`QrError`] when the text cannot be encoded (see [`encode`]).
///
/// # Example
///
/// ```
/// use tirkeu_qr::{render_svg_with, SvgOptions};
/// let svg = render_svg_with("KZ1:HELLO", &SvgOptions::default().label("Справка о регистрации"))?;
/// assert!(svg.contains("Справка о регистрации"));
/// # Ok::<(), tirkeu_qr::QrError>(())
/// ```
pub fn render_svg_with(text: &str, options: &SvgOptions) -> Result<String, QrError> {
    encode(text).map(|code| code.to_svg(options))
}

/// The value of a character of the QR alphanumeric set, its index in [`ALPHANUMERIC`].
fn alphanumeric_value(c: char) -> Option<u8> {
    let byte = u8::try_from(c).ok()?;
    let index = ALPHANUMERIC.iter().position(|&a| a == byte)?;
    u8::try_from(index).ok()
}

/// One `<path>` of horizontal runs, in module units, over a background rectangle. Each run is a
/// closed 1-module-high rectangle; the first of a row starts with an absolute move, the others
/// with a move relative to the previous run's start (after `z` the pen is back there).
fn svg_document(code: &QrCode, options: &SvgOptions) -> String {
    let quiet = QUIET_ZONE_MODULES as usize;
    let size = code.width + 2 * quiet;
    let mut path = String::new();
    for y in 0..code.width {
        let mut previous_start: Option<usize> = None;
        let mut x = 0;
        while x < code.width {
            if !code.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < code.width && code.is_dark(x, y) {
                x += 1;
            }
            let length = x - start;
            let _ = match previous_start {
                None => write!(
                    path,
                    "M{} {}h{length}v1h-{length}z",
                    start + quiet,
                    y + quiet
                ),
                Some(previous) => write!(path, "m{} 0h{length}v1h-{length}z", start - previous),
            };
            previous_start = Some(start);
        }
    }
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {size} {size}" "#,
            r#"shape-rendering="crispEdges" role="img" aria-label="{label}">"#,
            r#"<rect width="{size}" height="{size}" fill="{light}"/>"#,
            r#"<path fill="{dark}" d="{path}"/></svg>"#,
            "\n"
        ),
        size = size,
        label = xml_escape(&options.label),
        light = xml_escape(&options.light),
        dark = xml_escape(&options.dark),
        path = path,
    )
}

/// Escapes text for an XML attribute value in double quotes.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Source: ISO/IEC 18004:2015 table 5 (the alphanumeric character values).
    #[test]
    fn alphanumeric_values() {
        assert_eq!(alphanumeric_value('0'), Some(0));
        assert_eq!(alphanumeric_value('A'), Some(10));
        assert_eq!(alphanumeric_value(' '), Some(36));
        assert_eq!(alphanumeric_value(':'), Some(44));
        assert_eq!(alphanumeric_value('a'), None);
        assert_eq!(alphanumeric_value('Ä'), None);
    }

    #[test]
    fn xml_escape_covers_markup_and_control_characters() {
        assert_eq!(
            xml_escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(xml_escape("a\u{1}b"), "a\u{FFFD}b");
    }
}
