using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>The hooks azd runs with sh, and every other shell script, check out with LF endings on any machine.</summary>
public sealed class LineEndingTests
{
    [Fact]
    public async Task Every_shell_script_is_checked_out_with_lf_endings_and_has_none_other()
    {
        var files = await GitAsync("ls-files", "--", "*.sh", "tracker");
        var scripts = files.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("infra/hooks/preprovision.sh", scripts);
        Assert.Contains("infra/hooks/postprovision.sh", scripts);

        var attributes = await GitAsync(["check-attr", "eol", "--", .. scripts]);
        foreach (var script in scripts)
        {
            Assert.Contains($"{script}: eol: lf", attributes, StringComparison.Ordinal);
            Assert.DoesNotContain((byte)'\r', await File.ReadAllBytesAsync(Path.Combine(TestEnvironment.RepositoryRoot, script)));
        }
    }

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, TestEnvironment.RepositoryRoot, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result.Combined}");
        return result.StandardOutput.ReplaceLineEndings("\n");
    }
}
