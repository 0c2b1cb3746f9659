using CinemaStats.SampleData;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var command = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
    return command switch
    {
        HelpCommand => Usage.Print(Console.Out),
        GenerateCommand generate => await generate.RunAsync(Console.Out, cancellation.Token),
        UploadCommand upload => await upload.RunAsync(Console.Out, cancellation.Token),
        _ => throw new InvalidOperationException($"No handler for {command.GetType().Name}."),
    };
}
catch (CommandLineException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Run with --help to see the commands and options.");
    return ExitCodes.Usage;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return ExitCodes.Cancelled;
}
