//! A checked query (in tantivy's grammar, from `query::parse`) compiled into the queries that run.
//!
//! Words without a field (or with `body:`) search the combined `text` field; a phrase is the term
//! of its word pair in that field (two words), or the conjunction of its consecutive pairs (three
//! words or more: "critical IT capacity" is "critical IT" and "IT capacity" in one document, which
//! almost always means the words in a row). Everything with another field (`title:`, `ticker:`,
//! ranges ...) goes to tantivy's own parser over `title` and `summary`. Boolean structure is kept as the grammar gives it
//! (a clause without an operator is required), and nested clauses of one kind are pulled up, as
//! tantivy's parser does, so "a b c" is one intersection of three terms, which block-max WAND
//! prunes.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, QueryParser, QueryParserError, TermQuery,
};
use tantivy::query_grammar::{self, UserInputAst, UserInputLeaf};
use tantivy::schema::IndexRecordOption;

use super::schema::Fields;
use super::stem;

/// A query being built: boolean clauses stay open so that nested clauses can be pulled up.
enum Node {
    Bool(Vec<(Occur, Node)>),
    Leaf(Box<dyn Query>),
}

/// Compile `text` (tantivy's grammar); `fielded` parses what carries a field.
pub fn compile(
    text: &str,
    fields: &Fields,
    fielded: &QueryParser,
) -> Result<Box<dyn Query>, QueryParserError> {
    let ast = query_grammar::parse_query(text)
        .map_err(|_| QueryParserError::SyntaxError(text.to_string()))?;
    let Some(node) = convert(ast, fields, fielded)? else {
        return Ok(Box::new(EmptyQuery));
    };
    if all_negative(&node) {
        return Err(QueryParserError::AllButQueryForbidden);
    }
    Ok(build(node))
}

fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn convert(
    ast: UserInputAst,
    fields: &Fields,
    fielded: &QueryParser,
) -> Result<Option<Node>, QueryParserError> {
    match ast {
        UserInputAst::Clause(subs) => {
            let mut clauses = Vec::with_capacity(subs.len());
            for (occur, sub) in subs {
                if let Some(node) = convert(sub, fields, fielded)? {
                    clauses.push((occur.unwrap_or(Occur::Must), node));
                }
            }
            Ok((!clauses.is_empty()).then_some(Node::Bool(clauses)))
        }
        UserInputAst::Boost(sub, boost) => Ok(convert(*sub, fields, fielded)?.map(|n| {
            Node::Leaf(Box::new(BoostQuery::new(
                build(n),
                boost.into_inner() as f32,
            )))
        })),
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit)
                if lit.field_name.as_deref().is_none_or(|f| f == "text")
                    && lit.slop == 0
                    && !lit.prefix =>
            {
                let tokens = stem::tokens(&lit.phrase);
                let pair = |w: &[tantivy::tokenizer::Token]| {
                    Node::Leaf(term(fields.text, &stem::pair(&w[0].text, &w[1].text)))
                };
                Ok(match tokens.len() {
                    0 => None,
                    1 => Some(Node::Leaf(term(fields.text, &tokens[0].text))),
                    2 => Some(pair(&tokens)),
                    _ => Some(Node::Bool(
                        tokens.windows(2).map(|w| (Occur::Must, pair(w))).collect(),
                    )),
                })
            }
            other => Ok(Some(Node::Leaf(fielded.build_query_from_user_input_ast(
                UserInputAst::Leaf(Box::new(other)),
            )?))),
        },
    }
}

/// Every clause excluded (as tantivy's parser refuses: a query must match something).
fn all_negative(node: &Node) -> bool {
    match node {
        Node::Leaf(_) => false,
        Node::Bool(clauses) => clauses
            .iter()
            .all(|(o, c)| *o == Occur::MustNot || all_negative(c)),
    }
}

/// Nested clauses of one kind pulled up (deepest first), as tantivy's parser simplifies.
fn flatten(node: Node) -> Node {
    match node {
        Node::Leaf(q) => Node::Leaf(q),
        Node::Bool(clauses) => {
            let mut flat: Vec<(Occur, Node)> = Vec::with_capacity(clauses.len());
            for (occur, child) in clauses {
                match flatten(child) {
                    Node::Bool(inner)
                        if matches!(occur, Occur::Must | Occur::Should)
                            && inner.iter().all(|(o, _)| *o == occur) =>
                    {
                        flat.extend(inner);
                    }
                    other => flat.push((occur, other)),
                }
            }
            Node::Bool(flat)
        }
    }
}

fn build(node: Node) -> Box<dyn Query> {
    match flatten(node) {
        Node::Leaf(q) => q,
        // one required or optional clause is that clause (a term alone keeps its pruning)
        Node::Bool(mut clauses) if clauses.len() == 1 && clauses[0].0 != Occur::MustNot => {
            match clauses.pop() {
                Some((_, n)) => build(n),
                None => Box::new(EmptyQuery),
            }
        }
        Node::Bool(clauses) => Box::new(BooleanQuery::new(
            clauses.into_iter().map(|(o, n)| (o, build(n))).collect(),
        )),
    }
}
