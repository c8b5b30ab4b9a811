//! Argument parsing and the shared ways to fail: one clear line on stderr, exit code 2.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::ExitCode;

/// Exit code for input the command cannot use at all.
pub const EXIT_UNUSABLE: u8 = 2;

/// Prints `tirkeu: MESSAGE` on stderr and returns exit code 2.
pub fn unusable(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("tirkeu: {message}");
    ExitCode::from(EXIT_UNUSABLE)
}

/// Whether the arguments ask for a command's help (`--help` or `-h` anywhere before `--`).
pub fn wants_help(argv: &[String]) -> bool {
    argv.iter()
        .take_while(|arg| *arg != "--")
        .any(|arg| arg == "--help" || arg == "-h")
}

/// Prints a command's help on standard output: exit 0.
pub fn help(text: &str) -> ExitCode {
    match print_line(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => unusable(message),
    }
}

/// Writes `text` and a line break to standard output.
///
/// A reader that has stopped reading (`tirkeu check a.json | head -1`) is not an error: the rest
/// of the output is dropped quietly and the command ends with the exit code of its verdict, as
/// Unix tools do. (`println!` would panic there.)
///
/// # Errors
///
/// A message for any other failure to write (a full disk, say).
pub fn print_line(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {error}"))
        }
        _ => Ok(()),
    }
}

/// Parsed arguments: `--name value` options, `--flag`s and positionals, in order.
#[derive(Debug, Default)]
pub struct Args {
    options: BTreeMap<String, String>,
    positionals: Vec<String>,
}

impl Args {
    /// Splits `argv` into options and positionals. `value_options` names the options that take a
    /// value; any other `--name` is an error. A lone `-` is a positional (standard input), and
    /// everything after `--` is positional.
    ///
    /// # Errors
    ///
    /// A message for an unknown option, a missing value or an option given twice.
    pub fn parse(argv: Vec<String>, value_options: &[&str]) -> Result<Args, String> {
        let mut args = Args::default();
        let mut iter = argv.into_iter();
        while let Some(arg) = iter.next() {
            if arg == "--" {
                args.positionals.extend(iter.by_ref());
                break;
            }
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                    None => (name.to_owned(), None),
                };
                if !value_options.contains(&name.as_str()) {
                    return Err(format!("unknown option `--{name}`"));
                }
                let value = match inline {
                    Some(v) => v,
                    None => iter
                        .next()
                        .ok_or_else(|| format!("option `--{name}` needs a value"))?,
                };
                if args.options.insert(name.clone(), value).is_some() {
                    return Err(format!("option `--{name}` given twice"));
                }
            } else {
                args.positionals.push(arg);
            }
        }
        Ok(args)
    }

    /// The value of `--name`, if given.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }

    /// The value of `--name`.
    ///
    /// # Errors
    ///
    /// A message naming the missing option.
    pub fn required(&self, name: &str) -> Result<&str, String> {
        self.option(name)
            .ok_or_else(|| format!("option `--{name}` is required"))
    }

    /// The positional arguments.
    pub fn positionals(&self) -> &[String] {
        &self.positionals
    }
}

/// Reads a whole file, or standard input for `-`.
///
/// # Errors
///
/// A message naming the file and the reason.
pub fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))
    }
}

/// Reads a file as UTF-8 text (standard input for `-`).
///
/// # Errors
///
/// A message naming the file when it cannot be read or is not UTF-8.
pub fn read_text(path: &str) -> Result<String, String> {
    String::from_utf8(read_input(path)?).map_err(|_| format!("`{path}` is not UTF-8 text"))
}

/// Writes a file.
///
/// # Errors
///
/// A message naming the file and the reason.
pub fn write_output(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write `{path}`: {e}"))
}

/// Today's civil date in Kazakhstan (UTC+5), from the system clock: the one place the command
/// line reads the clock.
pub fn today_in_kazakhstan() -> tirkeu::date::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    tirkeu::date::Date::from_unix_seconds(seconds, tirkeu::date::KAZAKHSTAN_UTC_OFFSET_SECONDS)
}

/// Parses `--today`/`--on`, defaulting to today in Kazakhstan.
///
/// # Errors
///
/// A message when the value is not a date.
pub fn date_option(args: &Args, name: &str) -> Result<tirkeu::date::Date, String> {
    match args.option(name) {
        Some(text) => text.parse().map_err(|e| format!("--{name}: {e}")),
        None => Ok(today_in_kazakhstan()),
    }
}

/// Parses `--lang`, defaulting to English on the command line.
///
/// # Errors
///
/// A message when the value is not kk, ru or en.
pub fn lang_option(args: &Args) -> Result<tirkeu::i18n::Lang, String> {
    match args.option("lang") {
        Some(text) => text.parse().map_err(|e| format!("--lang: {e}")),
        None => Ok(tirkeu::i18n::Lang::En),
    }
}
