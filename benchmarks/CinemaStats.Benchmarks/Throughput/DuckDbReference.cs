using System.Diagnostics;
using DuckDB.NET.Data;

namespace CinemaStats.Benchmarks.Throughput;

/// <summary>
/// The reference: DuckDB reading the same raw file with <c>read_csv</c> / <c>read_json</c> and writing
/// one zstd Parquet file with <c>COPY … TO</c>, doing the same per-row work as staging (timestamps
/// in several formats, the cinema's zone to UTC, business date with the 06:00 cut-off, upper-cased
/// codes, decimal commas, money in minor units), then the aggregates the engine publishes from it,
/// each to its own Parquet file: for sessions the cinema-day, day-part, film-week, distributor-week and
/// screen tables; for POS lines the per-session roll-up and the cinema-day concessions. DuckDB uses
/// every core, as it would by default.
/// </summary>
public static class DuckDbReference
{
    /// <summary>Wall-clock and CPU time (all of this process's threads) of the COPY.</summary>
    public static (TimeSpan Wall, TimeSpan Cpu) Run(string source, string file, string output)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        var cpu = ProcessCpu.Now();
        var watch = Stopwatch.StartNew();
        Execute(connection, $"COPY ({(source == "sessions" ? Sessions(file) : Pos(file))}) TO '{output}' (FORMAT parquet, COMPRESSION zstd)");
        var aggregates = (source == "sessions" ? SessionAggregates(output) : PosAggregates(output)).Select((sql, i) => (Sql: sql, File: $"{output}.{i}.parquet")).ToList();
        foreach (var (sql, target) in aggregates)
        {
            Execute(connection, $"COPY ({sql}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)");
        }
        watch.Stop();
        cpu = ProcessCpu.Now() - cpu;
        File.Delete(output);
        aggregates.ForEach(a => File.Delete(a.File));
        return (watch.Elapsed, cpu);
    }

    private static string Sessions(string file) => $"""
        WITH raw AS (
            SELECT *, coalesce(try_strptime(showtime_local, '%Y-%m-%d %H:%M'), try_strptime(showtime_local, '%d/%m/%Y %H:%M'),
                               try_strptime(showtime_local, '%Y-%m-%dT%H:%M:%S')) AS showtime
            FROM read_csv('{file}', header = true, all_varchar = true))
        SELECT session_id, cinema_id, screen_id, film_code, film_title_raw, showtime AS showtime_local,
               timezone('UTC', timezone(cinema_tz, showtime)) AS showtime_utc,
               coalesce(try_cast(business_date AS DATE), CAST(showtime - INTERVAL 6 HOUR AS DATE)) AS business_date,
               format, language, price_group, upper(coalesce(status, 'OPEN')) AS status, cinema_tz, upper(currency) AS currency,
               try_cast(capacity AS INTEGER) AS capacity
        FROM raw
        """;

    private static string Pos(string file) => $"""
        WITH raw AS (
            SELECT * FROM read_json('{file}', format = 'newline_delimited', columns = {Columns()}))
        SELECT transaction_id, CAST(line_no AS INTEGER) AS line_no, cinema_id, terminal_id, upper(channel) AS channel,
               CAST(transaction_ts AS TIMESTAMPTZ) AS transaction_ts_utc,
               coalesce(try_cast(business_date AS DATE), CAST(CAST(transaction_ts AS TIMESTAMP) - INTERVAL 6 HOUR AS DATE)) AS business_date,
               upper(line_type) AS line_type, session_id, upper(ticket_type) AS ticket_type, sku, CAST(quantity AS INTEGER) AS quantity,
               {Minor("unit_price")} AS unit_price_minor, {Minor("discount")} AS discount_minor, {Minor("tax")} AS tax_minor,
               CAST(round(CAST(quantity AS INTEGER) * {Money("unit_price")} * 100 - {Money("discount")} * 100) AS BIGINT) AS amount_minor,
               upper(currency) AS currency, upper(status) AS status, upper(status) = 'VOID' AS is_void,
               CAST(quantity AS INTEGER) < 0 OR original_transaction_id IS NOT NULL AS is_refund,
               upper(ticket_type) = 'COMP' AS is_comp, original_transaction_id
        FROM raw
        """;

    /// <summary>What the engine's marts and dimensions compute from sessions (sales are zero without POS lines, as in the engine's pass).</summary>
    private static IEnumerable<string> SessionAggregates(string facts)
    {
        var from = $"read_parquet('{facts}')";
        const string counted = "status <> 'CANCELLED' AND capacity > 0";
        const string dayPart = "CASE WHEN hour(showtime_local) < 6 OR hour(showtime_local) >= 21 THEN 'late' WHEN hour(showtime_local) < 17 THEN 'matinee' ELSE 'evening' END";
        const string filmWeek = "CAST(business_date - INTERVAL ((isodow(business_date) + 2) % 7) DAY AS DATE)";
        yield return $"""
            SELECT cinema_id, business_date, currency, count(*) AS sessions, sum(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled,
                   count(DISTINCT screen_id) AS screens, sum(CASE WHEN {counted} THEN capacity ELSE 0 END) AS capacity
            FROM {from} GROUP BY ALL ORDER BY ALL
            """;
        yield return $"SELECT cinema_id, business_date, {dayPart} AS day_part, currency, count(*) AS sessions FROM {from} GROUP BY ALL ORDER BY ALL";
        yield return $"""
            SELECT film_title_raw, {filmWeek} AS film_week, currency, count(*) AS sessions, count(DISTINCT cinema_id) AS cinemas,
                   count(DISTINCT cinema_id || '|' || screen_id) AS screens
            FROM {from} GROUP BY ALL ORDER BY ALL
            """;
        yield return $"SELECT {filmWeek} AS film_week, currency, count(DISTINCT film_title_raw) AS films FROM {from} GROUP BY ALL ORDER BY ALL";
        yield return $"""
            SELECT cinema_id, screen_id, count(*) AS sessions, min(business_date) AS first_date, max(business_date) AS last_date,
                   arg_max(capacity, showtime_utc) AS capacity, arg_max(cinema_tz, showtime_utc) AS cinema_tz
            FROM {from} GROUP BY ALL ORDER BY ALL
            """;
    }

    /// <summary>What the engine computes from POS lines: the per-session roll-up into fact_session, and the cinema-day concessions.</summary>
    private static IEnumerable<string> PosAggregates(string lines)
    {
        var from = $"read_parquet('{lines}')";
        yield return $"""
            SELECT session_id, business_date, sum(quantity) FILTER (WHERE line_type = 'TICKET') AS adm,
                   sum(quantity) FILTER (WHERE line_type = 'TICKET' AND NOT is_comp) AS paid_adm,
                   sum(amount_minor) FILTER (WHERE line_type = 'TICKET') AS gbo_minor
            FROM {from} WHERE NOT is_void AND session_id IS NOT NULL GROUP BY ALL ORDER BY ALL
            """;
        yield return $"""
            SELECT cinema_id, business_date, currency, sum(amount_minor) AS concessions_minor
            FROM {from} WHERE line_type = 'CONCESSION' AND NOT is_void GROUP BY ALL ORDER BY ALL
            """;
    }

    private static string Columns() =>
        "{" + string.Join(", ", new[]
        {
            "transaction_id", "line_no", "cinema_id", "terminal_id", "channel", "transaction_ts", "business_date", "line_type", "session_id",
            "ticket_type", "sku", "quantity", "unit_price", "discount", "tax", "currency", "status", "original_transaction_id",
        }.Select(c => $"{c}: 'VARCHAR'")) + "}";

    private static string Money(string column) => $"coalesce(CAST(replace({column}, ',', '.') AS DECIMAL(18, 2)), 0)";

    private static string Minor(string column) => $"CAST(round({Money(column)} * 100) AS BIGINT)";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
