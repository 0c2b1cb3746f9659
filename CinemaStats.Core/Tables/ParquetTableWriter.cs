using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace CinemaStats.Core.Tables;

/// <summary>
/// Writes rows of a <see cref="TableSchema"/> to Parquet with the settings every curated file
/// shares: Snappy at an explicit level, dictionary encoding on low-cardinality columns,
/// millisecond timestamps (see <see cref="ColumnType.TimestampUtc"/>), one row group per <see cref="WriteRowGroupAsync"/>.
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    private readonly TableSchema _table;
    private readonly ParquetWriter _writer;
    private readonly IReadOnlyList<DataField> _fields;

    private ParquetTableWriter(TableSchema table, ParquetWriter writer, IReadOnlyList<DataField> fields)
    {
        _table = table;
        _writer = writer;
        _fields = fields;
    }

    public static async Task<ParquetTableWriter> CreateAsync(TableSchema table, Stream output, CancellationToken cancellationToken = default)
    {
        var fields = table.Columns.Select(FieldOf).ToList();
        var options = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Snappy,
            CompressionLevel = CompressionLevel.Optimal,
        };
        foreach (var (column, field) in table.Columns.Zip(fields))
        {
            if (column.LowCardinality)
            {
                options.ColumnEncodingHints[field.Name] = EncodingHint.Dictionary;
            }
        }
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options, append: false, cancellationToken);
        return new ParquetTableWriter(table, writer, fields);
    }

    /// <summary>Writes one row group; <paramref name="columns"/> holds one array per column, in schema order.</summary>
    public async Task WriteRowGroupAsync(TableColumns columns, CancellationToken cancellationToken = default)
    {
        columns.EnsureMatches(_table);
        using var rowGroup = _writer.CreateRowGroup();
        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            switch (columns[i])
            {
                case string?[] strings:
                    await rowGroup.WriteAsync(field, strings, null);
                    break;
                case int?[] ints:
                    await rowGroup.WriteAsync<int>(field, ints, null, null, cancellationToken);
                    break;
                case long?[] longs:
                    await rowGroup.WriteAsync<long>(field, longs, null, null, cancellationToken);
                    break;
                case bool?[] bools:
                    await rowGroup.WriteAsync<bool>(field, bools, null, null, cancellationToken);
                    break;
                case DateTime?[] times:
                    await rowGroup.WriteAsync<DateTime>(field, times, null, null, cancellationToken);
                    break;
                case DateOnly?[] dates:
                    await rowGroup.WriteAsync<DateOnly>(field, dates, null, null, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Column {field.Name} of {_table.Name} holds an unsupported array type.");
            }
        }
        rowGroup.CompleteValidate();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>The Parquet field a column is written as.</summary>
    internal static DataField FieldOf(TableColumn column) => column.Type switch
    {
        ColumnType.String => new DataField<string>(column.Name, column.Nullable),
        ColumnType.Int32 => new DataField<int?>(column.Name, column.Nullable),
        ColumnType.Int64 => new DataField<long?>(column.Name, column.Nullable),
        ColumnType.Boolean => new DataField<bool?>(column.Name, column.Nullable),
        ColumnType.Date => new DataField<DateOnly?>(column.Name, column.Nullable),
        ColumnType.TimestampUtc => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: column.Nullable),
        ColumnType.TimestampLocal => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Millis, isNullable: column.Nullable),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
    };
}
