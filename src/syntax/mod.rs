//! Lossless syntax tree of a sysctl file: the pest grammar in `grammar/sysctl.pest`
//! turned into typed lines with byte spans on every part.

pub mod ast;
mod parser;

pub use ast::{Assignment, Exclusion, Line, LineKind, Span, Span32, SyntaxTree};
pub use parser::{parse, parse_with_pest};
