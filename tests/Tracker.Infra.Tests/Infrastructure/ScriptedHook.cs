namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>
/// What a hook did with a scripted Azure: its exit and output, the link keys it gave azd, every `azd env set NAME=value`,
/// the az calls it made, and beside each call the text of the files it passed with @ (null for a call without one).
/// </summary>
internal sealed record HookRun(ProcessResult Result, IReadOnlyList<string> KeysSet, IReadOnlyList<string> AzCalls, IReadOnlyList<string> EnvSet, IReadOnlyList<string?> AzBodies);

/// <summary>
/// Runs an infra/hooks script — *.sh with /bin/sh, *.ps1 with the PowerShell pinned in .config/dotnet-tools.json — with a
/// fake `az` (a shell script that answers as the Azure CLI would) and a fake `azd` (which records `azd env set`) first
/// on PATH, and nothing else but the few tools the hooks use, so an Azure CLI installed on this machine is never reached.
/// </summary>
internal sealed class ScriptedHook : IDisposable
{
    private static readonly string[] Tools = ["mktemp", "rm", "tr", "cut", "grep", "sed", "head", "base64", "openssl", "printf", "cat", "sleep", "dirname", "pwd"];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("tracker-hook-");

    public void Dispose() => work.Delete(recursive: true);

    /// <param name="hook">File name under infra/hooks.</param>
    /// <param name="fakeAz">The fake az script's body, or null for a machine without the Azure CLI.</param>
    /// <param name="environment">Variables to set (null to remove one the test process has).</param>
    /// <param name="arguments">Arguments after the script (for a .ps1 in PowerShell's form, e.g. -Redirect).</param>
    public async Task<HookRun> RunAsync(string hook, string? fakeAz, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var bin = Directory.CreateDirectory(Path.Combine(work.FullName, "bin")).FullName;
        var azdLog = Path.Combine(work.FullName, "azd.log");
        var azLog = Path.Combine(work.FullName, "az.log");
        Script(Path.Combine(bin, "azd"), """
            #!/bin/sh
            [ "$1 $2" = "env set" ] && printf '%s=%s\n' "$3" "$4" >> "$FAKE_AZD_LOG"
            exit 0
            """);
        var az = Path.Combine(bin, "az");
        File.Delete(az);
        if (fakeAz is not null)
        {
            // Each call is a line of the log; a file passed as @path is copied to bodies/<that line's number>.
            Script(az, """
                #!/bin/sh
                echo "$*" >> "$FAKE_AZ_LOG"
                call=$(grep -c '' "$FAKE_AZ_LOG")
                for argument in "$@"; do
                  case "$argument" in @*) cat "${argument#@}" >> "$FAKE_AZ_BODIES/$call" ;; esac
                done

                """ + fakeAz);
        }

        var tools = Directory.CreateDirectory(Path.Combine(work.FullName, "tools")).FullName;
        foreach (var tool in Tools)
        {
            var found = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            if (found is not null && !File.Exists(Path.Combine(tools, tool)))
            {
                File.CreateSymbolicLink(Path.Combine(tools, tool), found);
            }
        }

        var azState = Path.Combine(work.FullName, "az.state");
        var bodies = Path.Combine(work.FullName, "bodies");
        var variables = new Dictionary<string, string?>(environment)
        {
            ["PATH"] = $"{bin}:{tools}",
            ["FAKE_AZ_LOG"] = azLog,
            ["FAKE_AZD_LOG"] = azdLog,
            ["FAKE_AZ_STATE"] = azState,
            ["FAKE_AZ_BODIES"] = bodies,
        };

        // Each run starts from a fresh Azure, so one test can run both hooks against the same answers.
        File.Delete(azLog);
        File.Delete(azdLog);
        File.Delete(azState);
        if (Directory.Exists(bodies))
        {
            Directory.Delete(bodies, recursive: true);
        }

        Directory.CreateDirectory(bodies);
        var script = Path.Combine(TestEnvironment.InfraDirectory, "hooks", hook);
        var result = hook.EndsWith(".ps1", StringComparison.Ordinal)
            ? await RunPowerShellAsync(script, arguments, variables)
            : await ProcessRunner.RunAsync("/bin/sh", [script, .. arguments], work.FullName, TimeSpan.FromMinutes(1), variables);

        var set = File.Exists(azdLog) ? await File.ReadAllLinesAsync(azdLog) : [];
        var keys = set.Where(l => l.StartsWith("LINK_SIGNING_KEY=", StringComparison.Ordinal)).Select(l => l["LINK_SIGNING_KEY=".Length..]).ToList();
        var calls = File.Exists(azLog) ? await File.ReadAllLinesAsync(azLog) : [];
        var callBodies = new List<string?>();
        for (var call = 1; call <= calls.Length; call++)
        {
            var body = Path.Combine(bodies, call.ToString(System.Globalization.CultureInfo.InvariantCulture));
            callBodies.Add(File.Exists(body) ? await File.ReadAllTextAsync(body) : null);
        }

        return new HookRun(result, keys, calls, set, callBodies);
    }

    /// <summary>
    /// `dotnet tool run pwsh` from the repository root, where the tool manifest is; dotnet is named by its full path
    /// because PATH holds only the fakes.
    /// </summary>
    private static async Task<ProcessResult> RunPowerShellAsync(string script, string[] arguments, Dictionary<string, string?> variables)
    {
        // No update check (it would reach the network) and no telemetry from a test run.
        variables["POWERSHELL_UPDATECHECK"] = "Off";
        variables["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        var result = await ProcessRunner.RunAsync(
            Dotnet(), ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", script, .. arguments], TestEnvironment.RepositoryRoot, TimeSpan.FromMinutes(1), variables);

        // Otherwise every .ps1 test would fail on its first assertion about the hook's output, far from the cause.
        return result.ExitCode != 0 && result.Combined.Contains("to make the \"pwsh\" command available", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"PowerShell (pinned in .config/dotnet-tools.json) is not restored; run `dotnet tool restore` in the repository root. {result.Combined}")
            : result;
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(folder => Path.Combine(folder, "dotnet")).First(File.Exists);

    private static void Script(string path, string text)
    {
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The hooks' tests script az and azd as sh scripts: Linux or macOS only.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
