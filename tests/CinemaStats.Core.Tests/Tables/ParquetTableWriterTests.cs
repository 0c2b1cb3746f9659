using CinemaStats.Core.Tables;
using DuckDB.NET.Data;

namespace CinemaStats.Core.Tests.Tables;

public sealed class ParquetTableWriterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cinemastats-{Guid.NewGuid():N}.parquet");

    private static readonly TableSchema Sample = new(
        "sample",
        [
            new("id", ColumnType.String, Nullable: false),
            new("kind", ColumnType.String, Nullable: true, LowCardinality: true),
            new("seats", ColumnType.Int32, Nullable: true),
            new("amount_minor", ColumnType.Int64, Nullable: false),
            new("flag", ColumnType.Boolean, Nullable: false),
            new("day", ColumnType.Date, Nullable: false),
            new("at_utc", ColumnType.TimestampUtc, Nullable: false),
            new("at_local", ColumnType.TimestampLocal, Nullable: false),
        ],
        PartitionColumn: null,
        Description: "test table");

    [Fact]
    public async Task Written_files_have_the_pinned_types_and_values_as_DuckDB_reads_them()
    {
        var columns = TableColumns.Create(Sample, 2);
        columns.Get<string?>("id")[0] = "a";
        columns.Get<string?>("id")[1] = "b";
        columns.Get<string?>("kind")[0] = "3D";
        columns.Get<int?>("seats")[0] = 100;
        columns.Get<long?>("amount_minor")[0] = 1050;
        columns.Get<long?>("amount_minor")[1] = -1050;
        columns.Get<bool?>("flag")[0] = true;
        columns.Get<bool?>("flag")[1] = false;
        columns.Get<DateOnly?>("day")[0] = new DateOnly(2026, 3, 6);
        columns.Get<DateOnly?>("day")[1] = new DateOnly(2026, 3, 7);
        columns.Get<DateTime?>("at_utc")[0] = new DateTime(2026, 3, 6, 19, 30, 0, 123, DateTimeKind.Utc).AddTicks(4560);
        columns.Get<DateTime?>("at_utc")[1] = new DateTime(2026, 3, 7, 1, 0, 0, DateTimeKind.Utc);
        columns.Get<DateTime?>("at_local")[0] = new DateTime(2026, 3, 6, 19, 30, 0);
        columns.Get<DateTime?>("at_local")[1] = new DateTime(2026, 3, 7, 1, 0, 0);

        await using (var file = File.Create(_path))
        await using (var writer = await ParquetTableWriter.CreateAsync(Sample, file, TestContext.Current.CancellationToken))
        {
            await writer.WriteRowGroupAsync(columns, TestContext.Current.CancellationToken);
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var types = Query(connection, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{_path}'))")
            .ToDictionary(r => (string)r[0]!, r => (string?)r[1]);
        Assert.Equal("VARCHAR", types["id"]);
        Assert.Equal("INTEGER", types["seats"]);
        Assert.Equal("BIGINT", types["amount_minor"]);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal("DATE", types["day"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["at_utc"]);
        Assert.Equal("TIMESTAMP", types["at_local"]);

        var rows = Query(connection, $"SELECT id, kind, seats, amount_minor, flag, CAST(day AS VARCHAR), epoch_us(at_utc), CAST(at_local AS VARCHAR) FROM read_parquet('{_path}') ORDER BY id");
        Assert.Equal(["a", "3D", 100, 1050L, true, "2026-03-06", new DateTimeOffset(2026, 3, 6, 19, 30, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000, "2026-03-06 19:30:00"], rows[0]);
        Assert.Equal(["b", null, null, -1050L, false, "2026-03-07"], rows[1].Take(6));

        // Statistics must agree with the values, or filters skip matching row groups.
        Assert.Equal(2L, Query(connection, $"SELECT count(*) FROM read_parquet('{_path}') WHERE at_utc >= TIMESTAMPTZ '2026-03-06 00:00:00+00'")[0][0]);
        Assert.Equal(1L, Query(connection, $"SELECT count(*) FROM read_parquet('{_path}') WHERE at_local < TIMESTAMP '2026-03-07 00:00:00'")[0][0]);

        var codecs = Query(connection, $"SELECT DISTINCT compression FROM parquet_metadata('{_path}')").Select(r => (string?)r[0]).ToList();
        Assert.Equal(["SNAPPY"], codecs);
    }

    [Fact]
    public async Task Low_cardinality_columns_are_dictionary_encoded_and_others_are_not()
    {
        const int rows = 1000;
        var columns = TableColumns.Create(Sample, rows);
        for (var i = 0; i < rows; i++)
        {
            columns.Get<string?>("id")[i] = $"id-{i}";
            columns.Get<string?>("kind")[i] = i % 3 == 0 ? "3D" : "2D";
            columns.Get<long?>("amount_minor")[i] = i;
            columns.Get<bool?>("flag")[i] = i % 2 == 0;
            columns.Get<DateOnly?>("day")[i] = new DateOnly(2026, 3, 6);
            columns.Get<DateTime?>("at_utc")[i] = new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i);
            columns.Get<DateTime?>("at_local")[i] = new DateTime(2026, 3, 6).AddMinutes(i);
        }
        await using (var file = File.Create(_path))
        await using (var writer = await ParquetTableWriter.CreateAsync(Sample, file, TestContext.Current.CancellationToken))
        {
            await writer.WriteRowGroupAsync(columns, TestContext.Current.CancellationToken);
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var encodings = Query(connection, $"SELECT path_in_schema, encodings FROM parquet_metadata('{_path}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Contains("DICTIONARY", encodings["kind"]);
        Assert.DoesNotContain("DICTIONARY", encodings["id"]);
    }

    [Fact]
    public async Task What_the_reader_reads_back_is_what_the_writer_wrote_row_for_row()
    {
        const int rows = 6;
        var written = TableColumns.Create(Sample, rows);
        for (var i = 0; i < rows; i++)
        {
            written.Get<string?>("id")[i] = $"id-{i}";
            written.Get<string?>("kind")[i] = i % 2 == 0 ? null : "3D";
            written.Get<int?>("seats")[i] = i % 3 == 0 ? null : i * 10;
            written.Get<long?>("amount_minor")[i] = i * 100 - 250;
            written.Get<bool?>("flag")[i] = i % 3 == 2;
            written.Get<DateOnly?>("day")[i] = new DateOnly(2026, 3, 1).AddDays(i);
            written.Get<DateTime?>("at_utc")[i] = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i);
            written.Get<DateTime?>("at_local")[i] = new DateTime(2026, 3, 1).AddMinutes(i);
        }
        await using (var file = File.Create(_path))
        await using (var writer = await ParquetTableWriter.CreateAsync(Sample, file, TestContext.Current.CancellationToken))
        {
            await writer.WriteRowGroupAsync(written, TestContext.Current.CancellationToken);
        }

        await using var input = File.OpenRead(_path);
        var read = new List<TableColumns>();
        await foreach (var group in ParquetTableReader.ReadRowGroupsAsync(Sample, input, TestContext.Current.CancellationToken))
        {
            read.Add(group);
        }

        var back = Assert.Single(read);
        foreach (var column in Sample.Columns)
        {
            Assert.Equal(written[column.Name].Cast<object?>(), back[column.Name].Cast<object?>());
        }
    }

    [Fact]
    public async Task A_null_in_a_required_column_is_refused_before_writing()
    {
        var columns = TableColumns.Create(Sample, 1);
        await using var writer = await ParquetTableWriter.CreateAsync(Sample, new MemoryStream(), TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteRowGroupAsync(columns, TestContext.Current.CancellationToken));
        Assert.Contains("id", error.Message);
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => File.Delete(_path);
}
