// Lexer for Go, written from "The Go Programming Language Specification"
// (go1.19) plus the syntax added up to go1.24.
//
// Every character of the input lands in some token: comments, spaces and
// newlines are hidden from the parser, so printing all tokens reproduces the
// file byte for byte. The lexer that runs is SemicolonInsertingLexer: it reads
// most tokens by hand exactly as these rules say (HandLexingTest holds it to
// them), runs this grammar's ATN for the rest, and inserts semicolons,
// following the spec's rule, as zero-width tokens.
lexer grammar GoLexer;

@header { package dev.deferfix.parse.antlr; }

// Keywords
BREAK       : 'break';
CASE        : 'case';
CHAN        : 'chan';
CONST       : 'const';
CONTINUE    : 'continue';
DEFAULT     : 'default';
DEFER       : 'defer';
ELSE        : 'else';
FALLTHROUGH : 'fallthrough';
FOR         : 'for';
FUNC        : 'func';
GO          : 'go';
GOTO        : 'goto';
IF          : 'if';
IMPORT      : 'import';
INTERFACE   : 'interface';
MAP         : 'map';
PACKAGE     : 'package';
RANGE       : 'range';
RETURN      : 'return';
SELECT      : 'select';
STRUCT      : 'struct';
SWITCH      : 'switch';
TYPE        : 'type';
VAR         : 'var';

IDENTIFIER  : LETTER (LETTER | UNICODE_DIGIT)*;

// Operators and punctuation
ELLIPSIS    : '...';
DOT         : '.';
COMMA       : ',';
SEMI        : ';';
COLON       : ':';
DEFINE      : ':=';
ASSIGN      : '=';
ASSIGN_OP   : ('+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '&^') '=';
INC         : '++';
DEC         : '--';
ARROW       : '<-';
L_PAREN     : '(';
R_PAREN     : ')';
L_BRACKET   : '[';
R_BRACKET   : ']';
L_BRACE     : '{';
R_BRACE     : '}';
LOGICAL_OR  : '||';
LOGICAL_AND : '&&';
EQUALS      : '==';
NOT_EQUALS  : '!=';
LESS        : '<';
LESS_EQ     : '<=';
GREATER     : '>';
GREATER_EQ  : '>=';
PLUS        : '+';
MINUS       : '-';
OR          : '|';
CARET       : '^';
STAR        : '*';
DIV         : '/';
MOD         : '%';
SHL         : '<<';
SHR         : '>>';
AMP         : '&';
BIT_CLEAR   : '&^';
NOT         : '!';
TILDE       : '~';

// Literals. An imaginary literal may be written with leading zeros (089i).
IMAGINARY   : (DECIMAL_DIGITS | INT_LIT | FLOAT_LIT) 'i';
FLOAT       : FLOAT_LIT;
INT         : INT_LIT;
RUNE        : '\'' (~['\\\r\n] | RUNE_ESCAPE) '\'';
STRING      : '"' (~["\\\r\n] | STRING_ESCAPE)* '"';
RAW_STRING  : '`' ~'`'* '`';

// Hidden: everything a printer needs, nothing the parser needs.
// SemicolonInsertingLexer.isHidden keeps them from the parser (cheaper than a
// channel(HIDDEN) action, which the lexer would run for every one).
BOM           : '\uFEFF';
WS            : [ \t\r]+;
NEWLINE       : '\n';
LINE_COMMENT  : '//' ~[\n]*;
// An unterminated comment is matched too (so "/" is not read as a division)
// and reported by SemicolonInsertingLexer.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF);

fragment LETTER         : [\p{L}_];
fragment UNICODE_DIGIT  : [\p{Nd}];
fragment DEC_DIGIT      : [0-9];
fragment HEX_DIGIT      : [0-9a-fA-F];
fragment DECIMAL_DIGITS : DEC_DIGIT ('_'? DEC_DIGIT)*;
fragment HEX_DIGITS     : HEX_DIGIT ('_'? HEX_DIGIT)*;

fragment INT_LIT
    : '0'
    | [1-9] ('_'? DECIMAL_DIGITS)?
    | '0' [bB] ('_'? [01])+
    | '0' [oO]? ('_'? [0-7])+
    | '0' [xX] ('_'? HEX_DIGIT)+
    ;

fragment FLOAT_LIT
    : DECIMAL_DIGITS '.' DECIMAL_DIGITS? DECIMAL_EXPONENT?
    | DECIMAL_DIGITS DECIMAL_EXPONENT
    | '.' DECIMAL_DIGITS DECIMAL_EXPONENT?
    | '0' [xX] HEX_MANTISSA HEX_EXPONENT
    ;

fragment DECIMAL_EXPONENT : [eE] [+-]? DECIMAL_DIGITS;
fragment HEX_MANTISSA
    : '_'? HEX_DIGITS '.' HEX_DIGITS?
    | '_'? HEX_DIGITS
    | '.' HEX_DIGITS
    ;
fragment HEX_EXPONENT : [pP] [+-]? DECIMAL_DIGITS;

// \' is only valid in rune literals and \" only in string literals.
fragment RUNE_ESCAPE   : '\\' '\'' | COMMON_ESCAPE;
fragment STRING_ESCAPE : '\\' '"' | COMMON_ESCAPE;

fragment COMMON_ESCAPE
    : '\\' ( [abfnrtv\\]
           | [0-7] [0-7] [0-7]
           | 'x' HEX_DIGIT HEX_DIGIT
           | 'u' HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT
           | 'U' HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT
           )
    ;
