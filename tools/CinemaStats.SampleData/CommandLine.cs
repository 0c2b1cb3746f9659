using System.Globalization;
using CinemaStats.Core.SampleData;

namespace CinemaStats.SampleData;

/// <summary>A parsed command line.</summary>
internal abstract record ToolCommand;

internal sealed record HelpCommand : ToolCommand;

/// <summary>Arguments that cannot be used; the message says what to change.</summary>
internal sealed class CommandLineException(string message) : Exception(message);

/// <summary>
/// Parses <c>command --name value</c> (or <c>--name=value</c>) by hand. Environment variables give
/// the upload defaults, so an Aspire AppHost can run the tool as a resource with a reference to ingest.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] DataOptions = ["seed", "cinemas", "days", "start", "dirt", "films"];

    public static ToolCommand Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (args.Count == 0 || args.Any(a => a is "--help" or "-h" or "-?" or "help"))
        {
            return args.Count == 0
                ? throw new CommandLineException("Say what to do: 'generate --out DIR' or 'upload --ingest URL'.")
                : new HelpCommand();
        }
        var verb = args[0];
        var values = Options(args.Skip(1).ToList());
        switch (verb)
        {
            case "generate":
                Allow(values, verb, [.. DataOptions, "out"]);
                var folder = values.GetValueOrDefault("out")
                    ?? throw new CommandLineException("'generate' needs --out DIR: the folder to write the files into.");
                return new GenerateCommand(DataSet(values), folder);
            case "upload":
                Allow(values, verb, [.. DataOptions, "ingest", "api-key"]);
                var dataSet = DataSet(values);
                var ingest = values.GetValueOrDefault("ingest")
                    ?? NonEmpty(environment("INGEST_URL"))
                    ?? NonEmpty(environment("services__ingest__http__0"))
                    ?? throw new CommandLineException("'upload' needs the ingest API: pass --ingest http://localhost:5180 or set INGEST_URL.");
                if (!Uri.TryCreate(ingest, UriKind.Absolute, out var ingestUri) || ingestUri.Scheme is not ("http" or "https"))
                {
                    throw new CommandLineException($"--ingest must be an http or https URL such as http://localhost:5180; '{ingest}' is not.");
                }
                var apiKey = values.GetValueOrDefault("api-key") ?? NonEmpty(environment("INGEST_API_KEY"));
                return new UploadCommand(dataSet, ingestUri, apiKey);
            default:
                throw new CommandLineException($"Unknown command '{verb}'. Use 'generate' or 'upload'.");
        }
    }

    private static Dictionary<string, string> Options(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CommandLineException($"'{arg}' is not an option. Options start with '--', e.g. --days 14.");
            }
            var equals = arg.IndexOf('=');
            string name, value;
            if (equals > 0)
            {
                (name, value) = (arg[2..equals], arg[(equals + 1)..]);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                (name, value) = (arg[2..], args[++i]);
            }
            else
            {
                throw new CommandLineException($"{arg} needs a value, e.g. {arg} VALUE.");
            }
            if (!values.TryAdd(name, value))
            {
                throw new CommandLineException($"--{name} is given twice; give it once.");
            }
        }
        return values;
    }

    private static void Allow(Dictionary<string, string> values, string verb, string[] allowed)
    {
        var unknown = values.Keys.FirstOrDefault(k => !allowed.Contains(k));
        if (unknown is not null)
        {
            throw new CommandLineException($"'{verb}' has no option --{unknown}. Its options are: {string.Join(", ", allowed.Select(a => "--" + a))}.");
        }
    }

    private static SampleDataOptions DataSet(Dictionary<string, string> values)
    {
        var defaults = new SampleDataOptions();
        var options = new SampleDataOptions
        {
            Seed = Integer(values, "seed", defaults.Seed),
            Cinemas = Integer(values, "cinemas", defaults.Cinemas),
            Days = Integer(values, "days", defaults.Days),
            FilmsCount = Integer(values, "films", defaults.FilmsCount),
            StartDate = values.TryGetValue("start", out var start)
                ? DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CommandLineException($"--start must be a date written yyyy-MM-dd, e.g. 2026-03-06; '{start}' is not.")
                : defaults.StartDate,
            DirtRate = values.TryGetValue("dirt", out var dirt)
                ? double.TryParse(dirt, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                    ? rate
                    : throw new CommandLineException($"--dirt must be a number from 0 to 1 with a decimal point, e.g. 0.05; '{dirt}' is not.")
                : defaults.DirtRate,
        };
        var errors = options.Validate().Select(AsOption).ToList();
        return errors.Count == 0 ? options : throw new CommandLineException(string.Join(" ", errors));
    }

    /// <summary>The options' own words name properties; on the command line the option is what to change.</summary>
    private static string AsOption(string error)
    {
        foreach (var (property, option) in OptionNames)
        {
            if (error.StartsWith(property + " ", StringComparison.Ordinal))
            {
                return option + error[property.Length..];
            }
        }
        return error;
    }

    private static readonly (string Property, string Option)[] OptionNames =
    [
        (nameof(SampleDataOptions.Cinemas), "--cinemas"), (nameof(SampleDataOptions.Days), "--days"),
        (nameof(SampleDataOptions.DirtRate), "--dirt"), (nameof(SampleDataOptions.FilmsCount), "--films"),
        (nameof(SampleDataOptions.StartDate), "--start"),
    ];

    private static int Integer(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CommandLineException($"--{name} must be a whole number; '{text}' is not.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
