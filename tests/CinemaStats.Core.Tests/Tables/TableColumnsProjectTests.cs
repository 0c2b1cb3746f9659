using CinemaStats.Core.Tables;

namespace CinemaStats.Core.Tests.Tables;

public sealed class TableColumnsProjectTests
{
    private static readonly TableSchema Staged = new("staged",
    [
        new("id", ColumnType.String, Nullable: false),
        new("amount", ColumnType.Int64, Nullable: false),
        new("line", ColumnType.Int64, Nullable: false),
    ], null, "");

    [Fact]
    public void A_batch_projected_to_a_table_keeps_its_rows_in_order_without_copying_and_leaves_absent_columns_null()
    {
        var source = TableColumns.Create(Staged, 3);
        (source.Get<string?>("id")[0], source.Get<string?>("id")[1], source.Get<string?>("id")[2]) = ("a", "b", "c");
        (source.Get<long?>("amount")[0], source.Get<long?>("amount")[1], source.Get<long?>("amount")[2]) = (10, 20, 30);
        var curated = new TableSchema("curated",
        [
            new("amount", ColumnType.Int64, Nullable: false),
            new("id", ColumnType.String, Nullable: false),
            new("note", ColumnType.String, Nullable: true),
        ], null, "");

        var projected = TableColumns.Project(curated, source);

        Assert.Equal(3, projected.RowCount);
        Assert.Equal(["a", "b", "c"], projected.Get<string?>("id"));
        Assert.Equal([10L, 20, 30], projected.Get<long?>("amount"));
        Assert.Equal([null, null, null], projected.Get<string?>("note"));
        Assert.Same(source.Get<string?>("id"), projected.Get<string?>("id"));
    }

    [Fact]
    public void A_column_of_another_type_is_refused()
    {
        var source = TableColumns.Create(Staged, 1);
        var other = new TableSchema("other", [new("line", ColumnType.Int32, Nullable: false)], null, "");

        var error = Assert.Throws<InvalidCastException>(() => TableColumns.Project(other, source));
        Assert.Contains("line", error.Message);
    }
}
