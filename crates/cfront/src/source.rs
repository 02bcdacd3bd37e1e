//! Source files known to one compilation, and positions inside them.

use std::rc::Rc;

/// Reads files for the preprocessor. The driver implements this over the host.
pub trait FileLoader {
    /// Contents of the file at `path`, or an error message.
    fn load(&self, path: &str) -> Result<Vec<u8>, String>;
    /// Whether a regular file exists at `path`.
    fn exists(&self, path: &str) -> bool;
}

/// Index of a file in the [`SourceMap`].
pub type FileId = u32;

/// A position: file, 1-based line and column (in bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
}

pub struct SourceFile {
    /// The path as it was opened (used for `__FILE__` and diagnostics).
    pub name: Rc<str>,
    pub text: Rc<str>,
    /// Byte offset where each line starts.
    pub line_starts: Vec<u32>,
    /// Found in a system directory (or marked so): as in gcc, warnings in
    /// it are not shown.
    pub system: bool,
}

impl SourceFile {
    pub fn new(name: &str, text: Rc<str>) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile { name: name.into(), text, line_starts, system: false }
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = line as usize;
        if i == 0 || i > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i - 1] as usize;
        let end = self.line_starts.get(i).map(|&e| e as usize - 1).unwrap_or(self.text.len());
        self.text[start..end.max(start)].trim_end_matches('\r')
    }
}

#[derive(Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
    /// Where each file was `#include`d from (indexed by FileId; None for
    /// the main file, `-include` files and built-in text).
    pub include_locs: Vec<Option<Loc>>,
}

impl SourceMap {
    pub fn add(&mut self, name: &str, text: Rc<str>) -> FileId {
        self.files.push(SourceFile::new(name, text));
        (self.files.len() - 1) as FileId
    }
    pub fn set_system(&mut self, id: FileId) {
        if let Some(f) = self.files.get_mut(id as usize) {
            f.system = true;
        }
    }
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }
    /// Records that file `id` was included by the directive at `loc`.
    pub fn set_included_from(&mut self, id: FileId, loc: Loc) {
        let i = id as usize;
        if self.include_locs.len() <= i {
            self.include_locs.resize(i + 1, None);
        }
        self.include_locs[i] = Some(loc);
    }
    /// The `#include` directive that brought file `id` in, if any.
    pub fn included_from(&self, id: FileId) -> Option<Loc> {
        self.include_locs.get(id as usize).copied().flatten()
    }
    pub fn name(&self, id: FileId) -> &str {
        self.files.get(id as usize).map(|f| &*f.name).unwrap_or("<unknown>")
    }
}
