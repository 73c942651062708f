using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// A real SMTP server for the tests: the smtp4dev dotnet tool of the repository's tool manifest,
/// started on loopback with free SMTP and web ports and an in-memory store. What arrived is read
/// from its HTTP API. <see cref="Unavailable"/> says why it could not be started, if it could not.
/// </summary>
public sealed class Smtp4dev : IDisposable
{
    private readonly Process? _process;
    private readonly HttpClient _http = new();
    private readonly string _data = Directory.CreateTempSubdirectory("rt-smtp4dev-").FullName;

    public Smtp4dev()
    {
        SmtpPort = FreePort();
        WebPort = FreePort();
        var root = RepositoryRoot();
        if (root is null)
        {
            Unavailable = "smtp4dev: the repository's dotnet-tools.json was not found.";
            return;
        }

        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}",
                         "--bindaddress=127.0.0.1", "--disableipv6", "--imapport=", "--pop3port=", "--db=", "--nousersettings",
                         $"--baseappdatapath={_data}", "--tlsmode=None", "--hostname=localhost",
                     })
            {
                start.ArgumentList.Add(arg);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            _process.OutputDataReceived += (_, e) => Log(e.Data);
            _process.ErrorDataReceived += (_, e) => Log(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _http.BaseAddress = new Uri($"http://127.0.0.1:{WebPort}");
            _http.Timeout = TimeSpan.FromSeconds(10);
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (_process.HasExited)
                {
                    Unavailable = $"smtp4dev exited with {_process.ExitCode} (run 'dotnet tool restore'): {_output}";
                    return;
                }

                try
                {
                    using var response = _http.GetAsync("/api/messages").GetAwaiter().GetResult();
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                Thread.Sleep(250);
            }

            Unavailable = $"smtp4dev did not answer within a minute: {_output}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Unavailable = $"smtp4dev could not be started: {e.Message}";
        }
    }

    private string _output = "";

    public int SmtpPort { get; }
    public int WebPort { get; }
    public string? Unavailable { get; private set; }

    public sealed record Message(string Id, string From, string[] To, string Subject, string Text);

    /// <summary>Every message received so far, with its plain text.</summary>
    public async Task<IReadOnlyList<Message>> MessagesAsync()
    {
        using var list = JsonDocument.Parse(await _http.GetStringAsync("/api/messages?pageSize=1000"));
        var messages = new List<Message>();
        foreach (var m in list.RootElement.GetProperty("results").EnumerateArray())
        {
            var id = m.GetProperty("id").GetString()!;
            var text = await _http.GetStringAsync($"/api/messages/{id}/plaintext");
            messages.Add(new Message(id, m.GetProperty("from").GetString() ?? "",
                m.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "").ToArray(),
                m.GetProperty("subject").GetString() ?? "", text));
        }

        return messages;
    }

    private void Log(string? line)
    {
        if (line is not null && _output.Length < 4000)
        {
            _output += line + "\n";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        _process?.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
