using System.Text.RegularExpressions;
using CinemaStats.Core.Tables;

namespace CinemaStats.Core.Sql;

/// <summary>
/// The SQL both DuckDB and Athena (Trino) document identically, as far as the dashboard's
/// catalogue and the transform's marts need it: a guard that rejects a statement using any
/// function, keyword or name outside it (a DuckDB-only function would pass every local test and
/// fail in AWS). One difference is allowed by use, not by the guard: <c>/</c> of two integers is
/// exact division in DuckDB and integer division in Trino, so statements divide only exact multiples
/// (days between two Fridays by 7) or cast to DOUBLE first.
/// </summary>
public static partial class SqlSubset
{
    /// <summary>Functions with the same name, arguments and result in both engines.</summary>
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "MIN", "MAX", "COALESCE", "NULLIF", "CAST",
        "DATE_DIFF", "LAG", "FIRST_VALUE", "ROW_NUMBER",
    };

    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "DISTINCT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "AS",
        "AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END",
        "LEFT", "JOIN", "ON", "BIGINT", "DOUBLE", "TRUE", "FALSE",
        "FULL", "OUTER", "INTEGER", "OVER", "PARTITION", "ROWS", "UNBOUNDED", "PRECEDING", "CURRENT", "ROW",
    };

    /// <summary>Problems with <paramref name="sql"/>: every word must be a keyword, an allowed function, a column or table of <paramref name="tables"/>, or an alias the statement declares.</summary>
    public static IReadOnlyList<string> Check(string sql, IReadOnlyList<string> tables)
    {
        var problems = new List<string>();
        if (sql.Contains("--", StringComparison.Ordinal) || sql.Contains("/*", StringComparison.Ordinal) || sql.Contains(';'))
        {
            problems.Add("comments and statement separators are not allowed");
        }
        if (sql.Contains('"') || sql.Contains('`'))
        {
            problems.Add("quoted identifiers are not allowed (the engines quote differently)");
        }
        if (DollarParameter().IsMatch(sql))
        {
            problems.Add("$n placeholders are DuckDB-only: use ?");
        }
        var schemas = tables.Select(name => CuratedTables.All.FirstOrDefault(t => t.Name == name)).ToList();
        foreach (var (table, name) in schemas.Zip(tables).Where(p => p.First is null))
        {
            problems.Add($"unknown table {name}");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schemas.OfType<TableSchema>())
        {
            names.Add(table.Name);
            names.UnionWith(table.Columns.Select(c => c.Name));
            if (table.PartitionColumn is not null)
            {
                names.Add(table.PartitionColumn);
            }
        }
        var withoutStrings = StringLiteral().Replace(sql, "''");
        names.UnionWith(Alias().Matches(withoutStrings).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        foreach (Match word in Word().Matches(withoutStrings))
        {
            var text = word.Value;
            var isCall = word.Index + text.Length < withoutStrings.Length && FollowedByParen(withoutStrings, word.Index + text.Length);
            if (isCall ? !Functions.Contains(text) && !Keywords.Contains(text) : !Keywords.Contains(text) && !names.Contains(text))
            {
                problems.Add(isCall ? $"function {text} is not in the common subset" : $"'{text}' is not a keyword of the subset or a name of {string.Join(", ", tables)}");
            }
        }
        return problems.Distinct().ToList();
    }

    private static bool FollowedByParen(string sql, int index)
    {
        while (index < sql.Length && char.IsWhiteSpace(sql[index]))
        {
            index++;
        }
        return index < sql.Length && sql[index] == '(';
    }

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Word();

    /// <summary><c>AS name</c>, or a table alias of one or two lower-case letters: <c>) s</c>, <c>dim_screen d</c>.</summary>
    [GeneratedRegex(@"\bAS\s+([A-Za-z_][A-Za-z0-9_]*)\b|(?:\)\s*|\b(?:fact_\w+|dim_\w+|mart_\w+)\s+)([a-z]{1,2})\b")]
    private static partial Regex Alias();

    [GeneratedRegex(@"\$\d")]
    private static partial Regex DollarParameter();
}
