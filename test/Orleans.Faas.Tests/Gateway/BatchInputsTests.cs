using System.Text;
using Orleans.Faas.Gateway.Batches;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Tests.Gateway;

public sealed class BatchInputsTests
{
    [Fact]
    public void A_json_array_of_strings_and_base64_objects_reads_as_their_bytes_in_order()
    {
        var inputs = BatchInputs.Read(Encoding.UTF8.GetBytes("""["a", "\u00e9", {"base64": "/wA="}, ""]"""), "application/json", 10);

        Assert.Equal([[(byte)'a'], Encoding.UTF8.GetBytes("é"), [0xff, 0x00], []], inputs.Select(i => i).ToArray());
    }

    [Fact]
    public void Ndjson_reads_one_item_a_line_skipping_blank_lines_and_carriage_returns()
    {
        var inputs = BatchInputs.Read(Encoding.UTF8.GetBytes("\"one\"\r\n\n{\"base64\": \"dHdv\"}\n"), "application/x-ndjson; charset=utf-8", 10);

        Assert.Equal(["one", "two"], inputs.Select(Encoding.UTF8.GetString));
    }

    [Theory]
    [InlineData("[\"ok\", 1]", "application/json", "items[1]")]
    [InlineData("[\"ok\", {\"base64\": \"%%%\"}]", "application/json", "items[1]")]
    [InlineData("[{\"base64\": \"AA==\", \"more\": 1}]", "application/json", "items[0]")]
    [InlineData("\"ok\"\n[1]\n", "application/x-ndjson", "items[1]")]
    [InlineData("\"ok\" \"two\"\n", "application/x-ndjson", "items[0]")]
    [InlineData("[]", "application/json", "items")]
    [InlineData("\n\n", "application/x-ndjson", "items")]
    [InlineData("{}", "application/json", "items")]
    public void A_bad_item_or_an_empty_batch_is_named_in_the_errors(string body, string contentType, string field)
    {
        var e = Assert.Throws<InvalidBatchException>(() => BatchInputs.Read(Encoding.UTF8.GetBytes(body), contentType, 10));

        Assert.Contains(field, e.Errors.Keys);
    }

    [Fact]
    public void More_items_than_the_limit_are_refused_and_json_that_does_not_parse_is_malformed()
    {
        Assert.Equal(2, Assert.Throws<TooManyBatchItemsException>(() => BatchInputs.Read("[\"a\",\"b\",\"c\"]"u8.ToArray(), null, 2)).Limit);
        Assert.Throws<MalformedRequestException>(() => BatchInputs.Read("[\"a\","u8.ToArray(), null, 2));
    }
}
