//! Prints the repaired view of a document, one logical line per line, with its kind,
//! and the emphasised ranges: for checking the repair stage by eye.
fn main() {
    let path = std::env::args().nth(1).expect("usage: view PATH");
    let doc = bluebook::Document::read(std::path::Path::new(&path)).expect("readable input");
    let view = bluebook::View::build(&doc, bluebook::repair::CaptionRules::embedded());
    for line in view.lines() {
        let t = &view.text()[line.range.clone()];
        let marks: Vec<&str> = view
            .emphasis()
            .iter()
            .filter(|e| e.start >= line.range.start && e.end <= line.range.end)
            .map(|e| &view.text()[e.clone()])
            .collect();
        println!("{:?}\t{}\t{:?}", line.kind, t, marks);
    }
}
