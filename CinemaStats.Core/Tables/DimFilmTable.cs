namespace CinemaStats.Core.Tables;

public static partial class CuratedTables
{
    /// <summary>
    /// One row per film. Keyed by normalized title and release date because remakes share a
    /// title; money in USD cents, IMDB rating in tenths (the schema has no floating type, and a
    /// rating has one decimal).
    /// </summary>
    public static readonly TableSchema DimFilm = new(
        "dim_film",
        [
            new("film_key", ColumnType.String, Nullable: false, Description: "normalized title | release date (yyyy-MM-dd)"),
            new("title", ColumnType.String, Nullable: false, Description: "cleaned title: article in front, accents repaired, year suffix removed"),
            new("title_raw", ColumnType.String, Nullable: false, Description: "title as the source wrote it"),
            new("release_date", ColumnType.Date, Nullable: false),
            new("release_year_corrected", ColumnType.Boolean, Nullable: false, Description: "the source year was a century off and was moved back"),
            new("mpaa_rating", ColumnType.String, Nullable: true, LowCardinality: true),
            new("running_time_min", ColumnType.Int32, Nullable: true),
            new("distributor", ColumnType.String, Nullable: false, LowCardinality: true, Description: "parent company; Unknown when the source had none"),
            new("distributor_raw", ColumnType.String, Nullable: true, LowCardinality: true),
            new("genre", ColumnType.String, Nullable: true, LowCardinality: true),
            new("creative_type", ColumnType.String, Nullable: true, LowCardinality: true),
            new("source", ColumnType.String, Nullable: true, LowCardinality: true),
            new("director", ColumnType.String, Nullable: true),
            new("us_gross_minor", ColumnType.Int64, Nullable: true, Description: "USD cents"),
            new("worldwide_gross_minor", ColumnType.Int64, Nullable: true, Description: "USD cents"),
            new("us_dvd_sales_minor", ColumnType.Int64, Nullable: true, Description: "USD cents"),
            new("production_budget_minor", ColumnType.Int64, Nullable: true, Description: "USD cents"),
            new("rotten_tomatoes_rating", ColumnType.Int32, Nullable: true, Description: "0..100"),
            new("imdb_rating_x10", ColumnType.Int32, Nullable: true, Description: "IMDB rating in tenths: 7.4 is 74"),
            new("imdb_votes", ColumnType.Int64, Nullable: true),
            new("cleaning_flags", ColumnType.String, Nullable: false, LowCardinality: true, Description: "comma-separated codes of what cleaning changed or doubted; empty when nothing"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
        ],
        PartitionColumn: null,
        Description: "One row per film of the catalogue, cleaned; the latest received copy of a film wins.");
}
