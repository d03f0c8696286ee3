using System.Net;
using System.Net.Http.Headers;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Baken.Web.Tests.Api;

/// <summary>
/// <c>Limits:MaxDecompressedBytes</c> reaches the web host's importers and is validated at start: a lower setting refuses a
/// workbook the default accepts (with a message naming the setting); a value out of range stops the host from starting.
/// </summary>
public sealed class FileLimitsSettingTests
{
    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(1, 300).Select(i => new { code = $"R-L{i}", title = $"Risico nummer {i} met een langere titel", kind = "hazard" }));
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Workbook()) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } }, "file", "risks.xlsx" },
        };
        return await client.PostAsync("/api/register/risk/import?format=xlsx", form);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegisterImport_UnderALowerSetting_RefusesAWorkbookTheDefaultAccepts(DatabaseProvider provider)
    {
        await using (var defaults = await RunningApp.StartAsync(provider))
        {
            var client = await defaults.ClientForAsync("coord", ClassificationLevel.Ongerubriceerd);
            var accepted = await ImportAsync(client);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        }
        await using var lowered = await RunningApp.StartAsync(provider, configure: b => b.Configuration["Limits:MaxDecompressedBytes"] = "4096");
        var coordinator = await lowered.ClientForAsync("coord", ClassificationLevel.Ongerubriceerd);
        var refused = await ImportAsync(coordinator);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("Limits:MaxDecompressedBytes");
        body.ShouldContain("4", Case.Sensitive);
        body.ShouldContain("096 bytes"); // 4,096 or 4.096: the number is written in the request's culture
    }

    [Fact]
    public async Task ASettingOutOfRange_StopsTheHostAtStart_NamingIt()
    {
        var e = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var app = await RunningApp.StartAsync(DatabaseProvider.Sqlite, configure: b => b.Configuration["Limits:MaxDecompressedBytes"] = "0");
        });
        e.Message.ShouldContain("MaxDecompressedBytes");
    }
}
