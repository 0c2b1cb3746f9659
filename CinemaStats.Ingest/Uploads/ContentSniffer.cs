using System.IO.Compression;
using System.Text;

namespace CinemaStats.Ingest.Uploads;

/// <summary>
/// Looks at the first bytes of a spooled upload and refuses what its name claims but its
/// content is not: a <c>.gz</c> that is not gzip, a text file that is really a ZIP, a
/// spreadsheet or other binary, text that is not UTF-8, JSON that does not start like JSON, a JSON array for a source that takes JSON Lines.
/// </summary>
public static class ContentSniffer
{
    private const int SampleBytes = 64 * 1024;

    private static readonly (byte[] Magic, string What)[] KnownBinaries =
    [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Excel .xlsx workbook)"),
        ([0x1F, 0x8B], "gzip-compressed; name it with a .gz ending"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (.xls)"),
        ([0x50, 0x41, 0x52, 0x31], "a Parquet file"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
        ([0x4D, 0x5A], "a Windows executable"),
    ];

    /// <summary>Throws <see cref="UploadRejectedException"/> when the content does not match <paramref name="extension"/>.</summary>
    public static void Check(Stream spool, string fileName, string extension, CinemaStats.Core.Sources.SourceDefinition source)
    {
        spool.Position = 0;
        var gzip = extension.EndsWith(".gz", StringComparison.Ordinal);
        byte[] sample;
        if (gzip)
        {
            var magic = new byte[2];
            if (spool.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != 0x1F || magic[1] != 0x8B)
            {
                throw Reject(fileName, "ends with .gz but is not gzip-compressed. Compress it with gzip, or send it without the .gz ending.");
            }
            spool.Position = 0;
            try
            {
                using var unzipped = new GZipStream(spool, CompressionMode.Decompress, leaveOpen: true);
                sample = ReadSample(unzipped);
            }
            catch (InvalidDataException)
            {
                throw Reject(fileName, "starts like gzip but cannot be decompressed: the file is damaged. Compress it again and resend it.");
            }
        }
        else
        {
            sample = ReadSample(spool);
        }
        spool.Position = 0;

        var bare = gzip ? extension[..^3] : extension;
        var inner = gzip ? "Its decompressed content" : "It";
        foreach (var (magic, what) in KnownBinaries)
        {
            if (sample.AsSpan().StartsWith(magic))
            {
                throw Reject(fileName, $"is named {bare} but is {what}. {inner} must be {Describe(bare)}.");
            }
        }
        if (Array.IndexOf(sample, (byte)0) >= 0)
        {
            throw Reject(fileName, $"contains binary data (NUL bytes). {inner} must be {Describe(bare)}.");
        }
        if (!IsUtf8(sample))
        {
            throw Reject(fileName, "is not UTF-8 text. Export it as UTF-8 (with or without BOM) and resend it.");
        }
        if (bare is ".json" or ".jsonl" or ".ndjson")
        {
            var first = Encoding.UTF8.GetString(sample).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault();
            if (first is not ('{' or '['))
            {
                throw Reject(fileName, $"is named {bare} but does not start with '{{' or '['. {inner} must be {Describe(bare)}.");
            }
            if (first == '[' && !source.AcceptsJsonArray)
            {
                throw Reject(fileName, $"is a JSON array, but source '{source.Name}' takes JSON Lines: one JSON object per line, without an enclosing [ ]. Nothing was stored; write one object per line and send it again.");
            }
        }
    }

    private static byte[] ReadSample(Stream stream)
    {
        var buffer = new byte[SampleBytes];
        var read = stream.ReadAtLeast(buffer, SampleBytes, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>Valid UTF-8, allowing a character cut at the end of the sample.</summary>
    private static bool IsUtf8(byte[] sample)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            decoder.GetCharCount(sample, 0, sample.Length, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Describe(string extension) => extension switch
    {
        ".csv" or ".tsv" or ".txt" => "delimited text (CSV)",
        ".jsonl" or ".ndjson" => "JSON Lines text",
        ".json" => "JSON text",
        _ => "text",
    };

    private static UploadRejectedException Reject(string fileName, string detail) =>
        new(StatusCodes.Status400BadRequest, "The content does not match the file type", $"'{fileName}' {detail}", "body");
}
