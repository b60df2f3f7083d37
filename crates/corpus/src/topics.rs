//! `content/topics.toml`: the topics documents may be filed under (front matter `topics`).
//! A closed list, so one topic is never written two ways: a document naming a topic the list
//! does not hold fails the build at that line.

use std::path::Path;

use serde::Deserialize;

use crate::error::{line_of, ContentError};
use crate::Document;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topics: Vec<String>,
}

/// The topics the file lists, in its order.
pub fn parse(path: &Path, text: &str) -> Result<Vec<String>, ContentError> {
    let file: TopicsFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        ContentError::new(path, line, format!("bad topics file: {}", e.message().trim()))
    })?;
    for (i, topic) in file.topics.iter().enumerate() {
        let line = text.find(&format!("{topic:?}")).map_or(1, |at| line_of(text, at));
        if topic.trim().is_empty() || content_model::segment(topic).is_empty() {
            return Err(ContentError::new(path, line, "a topic needs letters or digits"));
        }
        if file.topics[..i].iter().any(|t| content_model::segment(t) == content_model::segment(topic)) {
            return Err(ContentError::new(path, line, format!("{topic:?} is in the list twice")));
        }
    }
    Ok(file.topics)
}

/// Every topic a document names that `topics` (from `topics_path`) does not hold, at its line.
pub fn check(docs: &[Document], topics: &[String], topics_path: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for doc in docs {
        for topic in doc.topics.iter().filter(|t| !topics.contains(t)) {
            let known = if topics.is_empty() { "it lists none".to_string() } else { format!("it lists {}", topics.join(", ")) };
            errors.push(ContentError::new(
                &doc.path,
                doc.topics_line,
                format!("unknown topic {topic:?}: add it to {} or use one of its topics ({known})", topics_path.display()),
            ));
        }
    }
    errors
}
