using Parquet;
using Parquet.Schema;

namespace CinemaStats.Core.Tables;

/// <summary>Reads Parquet written by <see cref="ParquetTableWriter"/> back into <see cref="TableColumns"/>, one row group at a time.</summary>
public static class ParquetTableReader
{
    public static async IAsyncEnumerable<TableColumns> ReadRowGroupsAsync(
        TableSchema table, Stream input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // DATE columns come back as DateTime unless asked for DateOnly, which TableColumns holds.
        await using var reader = await ParquetReader.CreateAsync(input, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        foreach (var column in table.Columns)
        {
            if (!fields.ContainsKey(column.Name))
            {
                throw new InvalidDataException($"The file lacks column {column.Name} of {table.Name}.");
            }
        }
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            var rows = checked((int)rowGroup.RowCount);
            var columns = TableColumns.Create(table, rows);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var field = fields[table.Columns[i].Name];
                switch (columns[i])
                {
                    case string?[] strings:
                        await rowGroup.ReadAsync(field, strings.AsMemory()!, null, cancellationToken);
                        break;
                    case int?[] ints:
                        await rowGroup.ReadAsync<int>(field, ints.AsMemory(), null, cancellationToken);
                        break;
                    case long?[] longs:
                        await rowGroup.ReadAsync<long>(field, longs.AsMemory(), null, cancellationToken);
                        break;
                    case bool?[] bools:
                        await rowGroup.ReadAsync<bool>(field, bools.AsMemory(), null, cancellationToken);
                        break;
                    case DateTime?[] times:
                        await rowGroup.ReadAsync<DateTime>(field, times.AsMemory(), null, cancellationToken);
                        break;
                    case DateOnly?[] dates:
                        await rowGroup.ReadAsync<DateOnly>(field, dates.AsMemory(), null, cancellationToken);
                        break;
                }
            }
            yield return columns;
        }
    }
}
