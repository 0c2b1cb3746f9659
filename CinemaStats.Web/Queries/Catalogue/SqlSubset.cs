using System.Text.RegularExpressions;
using CinemaStats.Core.Tables;

namespace CinemaStats.Web.Queries.Catalogue;

/// <summary>
/// The SQL both DuckDB and Athena (Trino) document identically, as far as the catalogue needs
/// it: a guard that rejects a statement using any function, keyword or name outside it (a
/// DuckDB-only function would pass every local test and fail in AWS).
/// </summary>
public static partial class SqlSubset
{
    /// <summary>Functions with the same name, arguments and result in both engines.</summary>
    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "MIN", "MAX", "COALESCE", "NULLIF", "CAST",
    };

    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "DISTINCT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "AS",
        "AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END",
        "LEFT", "JOIN", "ON", "BIGINT", "DOUBLE", "TRUE", "FALSE",
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
        names.UnionWith(Alias().Matches(withoutStrings).Select(m => m.Groups[1].Value));
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

    /// <summary><c>AS name</c>, or a table alias: <c>) s</c>, <c>dim_screen d</c>.</summary>
    [GeneratedRegex(@"(?:\bAS\s+|\)\s*|\b(?:fact_session|dim_screen|dim_film|mart_\w+)\s+)([A-Za-z_][A-Za-z0-9_]*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Alias();

    [GeneratedRegex(@"\$\d")]
    private static partial Regex DollarParameter();
}
