/**
 * The expression language of record rules and computed defaults (P19): a small, closed grammar (comparisons,
 * {@code and}/{@code or}/{@code not}, {@code in}, field paths across many-to-one relations, literals and the
 * variables {@code user.id}, {@code user.groups}, {@code user.company} and {@code today}), parsed by hand into a syntax
 * tree within fixed bounds of length, depth and size. Nothing in it executes code, reflects or calls methods: a tree is
 * only ever read by the checker and the compiler to query predicates. Grammar: {@code docs/expressions.md}.
 */
package app.strongroom.tenant.rules.expression;
