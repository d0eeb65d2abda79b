using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// What git must never pick up: azd keeps each environment's settings under .azure/ (the link-signing key and the SMTP
/// password among them), so one `git add .` would publish them.
/// </summary>
public sealed class GitIgnoreTests
{
    [Theory]
    [InlineData(".azure/x/.env")]
    [InlineData(".azure/config.json")]
    [InlineData(".azure/prod/config.json")]
    [InlineData("functions/Tracker.Functions/local.settings.json")]
    public async Task Secrets_folders_and_files_are_ignored(string path)
    {
        // --no-index asks the ignore rules alone, whether or not such a file is tracked or exists.
        var result = await ProcessRunner.RunAsync("git", ["check-ignore", "--no-index", "-q", path], TestEnvironment.RepositoryRoot, TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, $"git does not ignore {path} (exit {result.ExitCode}): {result.Combined}");
    }

    [Fact]
    public async Task The_check_can_fail_for_a_file_that_belongs_in_the_repository()
    {
        var result = await ProcessRunner.RunAsync("git", ["check-ignore", "--no-index", "-q", "infra/main.bicep"], TestEnvironment.RepositoryRoot, TimeSpan.FromMinutes(1));

        Assert.Equal(1, result.ExitCode);
    }
}
