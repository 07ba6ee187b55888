-- search_fold (V5) looks each character of its input up among the 150 accented letters it knows: in an
-- import of 100,000 bookmarks that was an eighth of the database's time (docs/BENCHMARKS.md). Most texts
-- hold none of these letters, nor œ, æ or ß, once in lower case; one match of a character class tells,
-- and then lower() alone gives the same result.
create or replace function search_fold(input text) returns text
language sql immutable parallel safe strict
return case when lower(input) !~ '[œæßàáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøłđ]' then lower(input) else
    translate(
        replace(replace(replace(lower(input), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøłđ',
        'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyold')
end;
