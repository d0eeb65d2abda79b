using System.CommandLine;

namespace Tracker.Cli.Api;

/// <summary>
/// Runs a command's work against the API and turns every expected failure into one line "error: …" on standard error
/// and a non-zero exit code, so researchers and scripts never see a stack trace.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, ApiOptions api, Func<TrackerApiClient, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (!api.TryResolve(parse, out var connection, out var problem))
        {
            await error.WriteLineAsync($"error: {problem}");
            return ExitCodes.BadInput;
        }

        var credential = api.Choose(parse);
        if (credential.Problem is not null)
        {
            await error.WriteLineAsync($"error: {credential.Problem}");
            return ExitCodes.BadInput;
        }

        try
        {
            // Said only for a sign-in: a key alone is what every command has always sent, and scripts read its stderr as one error line.
            if (credential.Scope is { } scope)
            {
                connection = connection! with { BearerToken = await CliSignIn.AcquireAsync(scope, error, cancellationToken) };
                await error.WriteLineAsync(credential.Describe());
            }

            using var client = new TrackerApiClient(connection!);
            return await work(client, cancellationToken);
        }
        catch (TrackerApiException e)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return e.Status is >= 400 and < 500 ? ExitCodes.BadInput : ExitCodes.Failed;
        }
        catch (CommandInputException e)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: cannot reach {connection!.ApiBaseUrl}: {OneLine(e.Message)}");
            return ExitCodes.Failed;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"error: {connection!.ApiBaseUrl} did not answer in time");
            return ExitCodes.Failed;
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            await error.WriteLineAsync($"error: sign-in failed: {OneLine(e.Message)}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return ExitCodes.Failed;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
