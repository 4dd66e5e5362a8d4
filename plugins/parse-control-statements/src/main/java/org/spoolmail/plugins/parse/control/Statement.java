package org.spoolmail.plugins.parse.control;

/**
 * One statement: its keyword and its operand text, continuation records already joined.
 *
 * @param keyword the keyword
 * @param operands the text after the keyword, leading and trailing blanks removed; may be empty
 * @param record the number of the statement's first record, for error messages
 */
record Statement(Keyword keyword, String operands, long record) {
}
