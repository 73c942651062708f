namespace ReformTrack.Modules.Supervision;

/// <summary>The mail server of the daily digests, bound from <c>Smtp</c>. No host: no mail is sent.</summary>
internal sealed record SmtpOptions
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string From { get; init; } = "ReformTrack <reformtrack@localhost>";
    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>None, Auto, StartTls or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; init; } = "Auto";

    /// <summary>The address the links in a digest start with, e.g. https://reform.example.gov.cn.</summary>
    public string BaseUrl { get; init; } = "http://127.0.0.1:5080";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
