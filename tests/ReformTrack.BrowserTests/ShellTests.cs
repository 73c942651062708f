namespace ReformTrack.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Home_page_loads_with_its_styles_and_no_console_errors()
    {
        var page = await browser.OpenAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.ReloadAsync();
        var css = await page.EvaluateAsync<int>("() => document.styleSheets.length");

        Assert.Equal("Overview", await page.Locator("h1").First.InnerTextAsync());
        Assert.True(css >= 2, "MudBlazor's and the app's style sheets load");
        Assert.Empty(errors);
    }
}
