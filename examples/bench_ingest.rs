//! Reads a bilingual file to the end without checking it, and prints how many units and
//! characters it holds: the cost of parsing alone, for benchmarks (`/usr/bin/time -v`).
//!
//!     cargo run --release --example bench_ingest -- FILE [FORMAT]

use transcheck::ingest::{InputFormat, Languages, open_units};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let path = std::path::PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: bench_ingest FILE"))?,
    );
    let format = InputFormat::detect(&path)?;
    let (mut units, mut chars) = (0usize, 0usize);
    for unit in open_units(&path, format, &Languages::default())? {
        let unit = unit?;
        units += 1;
        chars += unit.source.text.chars().count() + unit.target.text.chars().count();
    }
    println!("{units} units, {chars} characters");
    Ok(())
}
