using CinemaStats.Core.Tables;

namespace CinemaStats.Core.Tests.Tables;

/// <summary>Files written before a schema gained a column stay readable: a nullable column reads as nulls, a required one is refused.</summary>
public sealed class SchemaEvolutionTests
{
    private static readonly TableSchema Before = new("sample", [new("id", ColumnType.String, Nullable: false), new("seats", ColumnType.Int32, Nullable: true)], null, "before");

    private static readonly TableSchema After = Before with
    {
        Columns = [.. Before.Columns, new("flags", ColumnType.String, Nullable: true), new("weight", ColumnType.Int64, Nullable: true)],
    };

    [Fact]
    public async Task A_nullable_column_added_since_the_file_was_written_reads_as_nulls()
    {
        var file = await WriteAsync();

        var rows = await ReadAllAsync(After, file);

        Assert.Equal(["a", "b"], rows.Get<string?>("id"));
        Assert.Equal([120, null], rows.Get<int?>("seats"));
        Assert.Equal([null, null], rows.Get<string?>("flags"));
        Assert.Equal([null, null], rows.Get<long?>("weight"));
    }

    [Fact]
    public async Task A_required_column_the_file_lacks_is_refused_with_its_name()
    {
        var file = await WriteAsync();
        var required = Before with { Columns = [.. Before.Columns, new("source_line", ColumnType.Int64, Nullable: false)] };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(required, file));

        Assert.Contains("source_line", error.Message);
    }

    private static async Task<MemoryStream> WriteAsync()
    {
        var rows = TableColumns.Create(Before, 2);
        rows.Get<string?>("id")[0] = "a";
        rows.Get<string?>("id")[1] = "b";
        rows.Get<int?>("seats")[0] = 120;
        var file = new MemoryStream();
        await using (var writer = await ParquetTableWriter.CreateAsync(Before, file, TestContext.Current.CancellationToken))
        {
            await writer.WriteRowGroupAsync(rows, TestContext.Current.CancellationToken);
        }
        return new MemoryStream(file.ToArray());
    }

    private static async Task<TableColumns> ReadAllAsync(TableSchema table, Stream file)
    {
        await foreach (var rows in ParquetTableReader.ReadRowGroupsAsync(table, file, TestContext.Current.CancellationToken))
        {
            return rows;
        }
        throw new InvalidOperationException("no row group");
    }
}
