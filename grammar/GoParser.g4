// Parser for Go, written from "The Go Programming Language Specification"
// (go1.19) plus the syntax added up to go1.24 (generic type aliases).
//
// The rules are shaped like Go's own parser rather than like the spec's
// EBNF, so that almost every decision is made with one or two tokens of
// lookahead and no semantic predicates:
//  - types may appear wherever expressions do (make(map[K]V), f[[]int](x),
//    (*T).M), so an operand can be a type literal;
//  - a simple statement is an expression list with an optional tail;
//  - binary expressions are a flat list (we never need precedence);
//  - in if/for/switch headers, a composite literal of a bare type name
//    (T{}, pkg.T{}, T[int]{}) is not allowed, because "{" opens the block;
//    it is allowed again inside (), [] and {} (the header* rules).
parser grammar GoParser;

options { tokenVocab = GoLexer; superClass = TreeBuildingParser; }

@header { package dev.deferfix.parse.antlr; }

sourceFile
    : packageClause SEMI (importDecl SEMI)* (topLevelDecl SEMI)* EOF
    ;

packageClause : PACKAGE IDENTIFIER;

importDecl
    : IMPORT (importSpec | L_PAREN (importSpec (SEMI importSpec)* SEMI?)? R_PAREN)
    ;

importSpec : (DOT | IDENTIFIER)? importPath;

importPath : STRING | RAW_STRING;

topLevelDecl : declaration | funcDecl;

declaration : constDecl | typeDecl | varDecl;

constDecl : CONST (constSpec | L_PAREN (constSpec (SEMI constSpec)* SEMI?)? R_PAREN);

constSpec : identifierList (type_? ASSIGN expressionList)?;

varDecl : VAR (varSpec | L_PAREN (varSpec (SEMI varSpec)* SEMI?)? R_PAREN);

varSpec : identifierList (type_ (ASSIGN expressionList)? | ASSIGN expressionList);

typeDecl : TYPE (typeSpec | L_PAREN (typeSpec (SEMI typeSpec)* SEMI?)? R_PAREN);

// Covers type definitions and (generic) aliases: type A[P any] = B[P].
typeSpec : IDENTIFIER typeParameters? ASSIGN? type_;

funcDecl : FUNC receiver? IDENTIFIER typeParameters? signature block?;

receiver : parameters;

identifierList : IDENTIFIER (COMMA IDENTIFIER)*;

// ---------------------------------------------------------------- types

type_
    : typeName typeArgs?
    | typeLit
    | L_PAREN type_ R_PAREN
    ;

typeName : IDENTIFIER (DOT IDENTIFIER)?;

typeArgs : L_BRACKET type_ (COMMA type_)* COMMA? R_BRACKET;

// "[" starts both array and slice types; grouping them keeps the outer
// choice LL(1), so the parser predicts with one token and no lookahead
// machinery (same here, in operand and in suffix).
typeLit
    : (arrayType | sliceType)
    | structType
    | pointerType
    | funcType
    | interfaceType
    | mapType
    | chanType
    ;

arrayType : L_BRACKET (expression | ELLIPSIS) R_BRACKET type_;

sliceType : L_BRACKET R_BRACKET type_;

pointerType : STAR type_;

mapType : MAP L_BRACKET type_ R_BRACKET type_;

chanType : (CHAN ARROW? | ARROW CHAN) type_;

funcType : FUNC signature;

structType : STRUCT L_BRACE (fieldDecl (SEMI fieldDecl)* SEMI?)? R_BRACE;

fieldDecl : (identifierList type_ | embeddedField) tag?;

embeddedField : STAR? typeName typeArgs?;

tag : STRING | RAW_STRING;

interfaceType : INTERFACE L_BRACE (interfaceElem (SEMI interfaceElem)* SEMI?)? R_BRACE;

interfaceElem : methodSpec | typeElem;

methodSpec : IDENTIFIER signature;

typeElem : typeTerm (OR typeTerm)*;

typeTerm : TILDE? type_;

typeParameters : L_BRACKET typeParamDecl (COMMA typeParamDecl)* COMMA? R_BRACKET;

typeParamDecl : identifierList typeElem;

signature : parameters result?;

result : parameters | type_;

parameters : L_PAREN (parameterDecl (COMMA parameterDecl)* COMMA?)? R_PAREN;

// "a int", "a ...int", "...int" or a bare type; which of "a, b" are names
// is decided later, as Go's parser does.
parameterDecl
    : IDENTIFIER ELLIPSIS? type_
    | ELLIPSIS? type_
    ;

// ---------------------------------------------------------- expressions

expressionList : expression (COMMA expression)*;

expression : unaryExpr (binaryOp unaryExpr)*;

unaryExpr : unaryOp* primaryExpr;

// A function literal is never followed by a composite literal's braces.
primaryExpr
    : funcLit suffix*
    | operand (suffix | literalValue)*
    ;

headerExpressionList : headerExpression (COMMA headerExpression)*;

headerExpression : headerUnaryExpr (binaryOp headerUnaryExpr)*;

headerUnaryExpr : unaryOp* headerPrimaryExpr;

headerPrimaryExpr
    : headerFuncLit suffix*
    | headerOperand suffix*
    ;

// In a header an explicit literal type (array, slice, map, struct) is always
// followed by a composite literal or a conversion, so "{" stays LL(1).
headerOperand
    : basicLit
    | IDENTIFIER
    | L_PAREN expression R_PAREN
    | (arrayType | sliceType | mapType | structType) (literalValue | arguments)
    | exprChanType
    | interfaceType
    ;

headerFuncLit : FUNC signature block;

binaryOp
    : LOGICAL_OR | LOGICAL_AND
    | EQUALS | NOT_EQUALS | LESS | LESS_EQ | GREATER | GREATER_EQ
    | PLUS | MINUS | OR | CARET
    | STAR | DIV | MOD | SHL | SHR | AMP | BIT_CLEAR
    ;

// "~x" parses (the type checker rejects it outside constraints), as in Go's parser.
unaryOp : PLUS | MINUS | NOT | CARET | STAR | AMP | ARROW | TILDE;

operand
    : basicLit
    | IDENTIFIER
    | L_PAREN expression R_PAREN
    | (arrayType | sliceType)
    | mapType
    | structType
    | exprChanType
    | interfaceType
    ;

// In expressions "<-chan T" is read as "<-" applied to "chan T", which keeps
// the unary "<-" decision LL(1).
exprChanType : CHAN ARROW? type_;

basicLit : INT | FLOAT | IMAGINARY | RUNE | STRING | RAW_STRING;

funcLit : FUNC signature block?;

suffix
    : DOT (IDENTIFIER                                  // selector
          | L_PAREN (TYPE | type_) R_PAREN)            // type assertion
    | indexSuffix
    | arguments
    ;

indexSuffix : L_BRACKET (expression (indexTail | sliceTail) | sliceTail) R_BRACKET;

indexTail : (COMMA expression)* COMMA?;

sliceTail : COLON expression? (COLON expression)?;

arguments : L_PAREN (expression (COMMA expression)* ELLIPSIS? COMMA?)? R_PAREN;

literalValue : L_BRACE (element (COMMA element)* COMMA?)? R_BRACE;

element : elementValue (COLON elementValue)?;

elementValue : expression | literalValue;

// ----------------------------------------------------------- statements

block : L_BRACE statementList R_BRACE;

statementList : statement? (SEMI statement?)*;

statement
    : declaration
    | labeledStmt
    | simpleStmt
    | goStmt
    | returnStmt
    | breakStmt
    | continueStmt
    | gotoStmt
    | fallthroughStmt
    | block
    | ifStmt
    | switchStmt
    | selectStmt
    | forStmt
    | deferStmt
    ;

labeledStmt : IDENTIFIER COLON statement?;

simpleStmt
    : expressionList ((ASSIGN | ASSIGN_OP | DEFINE) expressionList | INC | DEC | ARROW expression)?
    ;

goStmt : GO expression;

deferStmt : DEFER expression;

returnStmt : RETURN expressionList?;

breakStmt : BREAK IDENTIFIER?;

continueStmt : CONTINUE IDENTIFIER?;

gotoStmt : GOTO IDENTIFIER;

fallthroughStmt : FALLTHROUGH;

headerSimpleStmt
    : headerExpressionList ((ASSIGN | ASSIGN_OP | DEFINE) headerExpressionList | INC | DEC | ARROW headerExpression)?
    ;

ifStmt : IF ifHeader block (ELSE (ifStmt | block))?;

// "if cond", "if init; cond" (init may be empty).
ifHeader : headerSimpleStmt? (SEMI headerExpression)?;

switchStmt : SWITCH switchHeader L_BRACE caseClause* R_BRACE;

// "switch", "switch tag", "switch init; tag", "switch x := y.(type)".
switchHeader : headerSimpleStmt? (SEMI headerSimpleStmt?)?;

caseClause : (CASE expressionList | DEFAULT) COLON statementList;

selectStmt : SELECT L_BRACE commClause* R_BRACE;

commClause : (CASE simpleStmt | DEFAULT) COLON statementList;

forStmt : FOR (rangeClause | forClause | headerExpression)? block;

forClause : headerSimpleStmt? SEMI headerExpression? SEMI headerSimpleStmt?;

// At most two iteration variables.
rangeClause : (headerExpression (COMMA headerExpression)? (ASSIGN | DEFINE))? RANGE headerExpression;
