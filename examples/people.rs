//! Prints every person record of a document on one line: name, titles, country, org,
//! id — for reviewing the people extractor by eye.
fn main() {
    let path = std::env::args().nth(1).expect("usage: people PATH");
    let doc = bluebook::Document::read(std::path::Path::new(&path)).expect("readable input");
    let config = bluebook::Config::default().with_types(["person".to_string()]);
    for r in bluebook::extract(&doc, &config) {
        if let bluebook::Record::Person(p) = r {
            println!(
                "{} | {:?} | {} | {} | {}",
                p.name,
                p.titles,
                p.country.as_deref().unwrap_or("-"),
                p.org.as_deref().unwrap_or("-"),
                p.person_id
            );
        }
    }
}
