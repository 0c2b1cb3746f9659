using Parquet;
using Parquet.Schema;

namespace CinemaStats.Core.Tables;

/// <summary>Reads Parquet written by <see cref="ParquetTableWriter"/> back into <see cref="TableColumns"/>, one row group at a time.</summary>
public static class ParquetTableReader
{
    /// <param name="table">The columns to read (any subset of the file's, by name).</param>
    /// <param name="fileLayout">When given, the file must hold exactly these columns in this order, else <see cref="InvalidDataException"/>.</param>
    public static async IAsyncEnumerable<TableColumns> ReadRowGroupsAsync(
        TableSchema table, Stream input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default, TableSchema? fileLayout = null)
    {
        // DATE columns come back as DateTime unless asked for DateOnly, which TableColumns holds.
        await using var reader = await ParquetReader.CreateAsync(input, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: cancellationToken);
        if (fileLayout is not null && !reader.Schema.DataFields.SequenceEqual(fileLayout.Columns.Select(ParquetTableWriter.FieldOf), SameField.Instance))
        {
            throw new InvalidDataException($"The file's columns ({string.Join(", ", reader.Schema.DataFields.Select(f => f.Name))}) are not those of {fileLayout.Name} as it is written now.");
        }
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        foreach (var column in table.Columns)
        {
            // A nullable column added to a schema after the file was written reads as nulls (files
            // staged before an upgrade stay readable); a required one cannot be made up.
            if (!fields.ContainsKey(column.Name) && !column.Nullable)
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
                if (!fields.TryGetValue(table.Columns[i].Name, out var field))
                {
                    continue;
                }
                var required = !table.Columns[i].Nullable;
                switch (columns[i])
                {
                    case string?[] strings:
                        await rowGroup.ReadAsync(field, strings.AsMemory()!, null, cancellationToken);
                        break;
                    case int?[] ints when required:
                        await ReadRequiredAsync(rowGroup, field, ints, cancellationToken);
                        break;
                    case int?[] ints:
                        await rowGroup.ReadAsync<int>(field, ints.AsMemory(), null, cancellationToken);
                        break;
                    case long?[] longs when required:
                        await ReadRequiredAsync(rowGroup, field, longs, cancellationToken);
                        break;
                    case long?[] longs:
                        await rowGroup.ReadAsync<long>(field, longs.AsMemory(), null, cancellationToken);
                        break;
                    case bool?[] bools when required:
                        await ReadRequiredAsync(rowGroup, field, bools, cancellationToken);
                        break;
                    case bool?[] bools:
                        await rowGroup.ReadAsync<bool>(field, bools.AsMemory(), null, cancellationToken);
                        break;
                    case DateTime?[] times when required:
                        await ReadRequiredAsync(rowGroup, field, times, cancellationToken);
                        break;
                    case DateTime?[] times:
                        await rowGroup.ReadAsync<DateTime>(field, times.AsMemory(), null, cancellationToken);
                        break;
                    case DateOnly?[] dates when required:
                        await ReadRequiredAsync(rowGroup, field, dates, cancellationToken);
                        break;
                    case DateOnly?[] dates:
                        await rowGroup.ReadAsync<DateOnly>(field, dates.AsMemory(), null, cancellationToken);
                        break;
                }
            }
            yield return columns;
        }
    }

    /// <summary>Two fields stored alike: name, type, nullability and, for timestamps, unit and zone.</summary>
    private sealed class SameField : IEqualityComparer<DataField>
    {
        public static readonly SameField Instance = new();

        public bool Equals(DataField? a, DataField? b) =>
            a is not null && b is not null && a.Name == b.Name && a.ClrType == b.ClrType && a.IsNullable == b.IsNullable
            && (a, b) switch
            {
                (DateTimeDataField x, DateTimeDataField y) => x.Unit == y.Unit && x.IsAdjustedToUTC == y.IsAdjustedToUTC,
                (DateTimeDataField, _) or (_, DateTimeDataField) => false,
                _ => true,
            };

        public int GetHashCode(DataField field) => field.Name.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>
    /// Parquet.Net 6.1 misplaces values when it reads a required column into a nullable buffer
    /// (seen on booleans and on longer int64 columns): read the plain values, then widen them.
    /// </summary>
    private static async Task ReadRequiredAsync<T>(ParquetRowGroupReader rowGroup, DataField field, T?[] target, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[target.Length];
        await rowGroup.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            target[i] = values[i];
        }
    }
}
