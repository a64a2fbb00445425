using System.Runtime.CompilerServices;

namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>
    /// A function's dead letters, newest first, without their input: read page by page (<paramref name="pageSize"/>
    /// each, 1–1000) as the enumeration goes on; 404 when there is no such function.
    /// </summary>
    public virtual async IAsyncEnumerable<DeadLetter> GetDeadLettersAsync(
        string function, int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? page = RequestPath.With(DeadLetters(function), ("limit", pageSize));
        while (page is not null)
        {
            using var response = await Pipeline.Send(new HttpRequestMessage(HttpMethod.Get, page), HttpCompletionOption.ResponseContentRead, cancellationToken);
            foreach (var letter in await FaasPipeline.ReadJson<IReadOnlyList<DeadLetter>>(response, cancellationToken))
                yield return letter;
            page = NextLink.Of(response);
        }
    }

    /// <summary>A dead letter with its input; 404 when the function has no such letter.</summary>
    public virtual Task<DeadLetter> GetDeadLetterAsync(string function, Guid id, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<DeadLetter>($"{DeadLetters(function)}/{id}", cancellationToken);

    /// <summary>Runs a dead letter's input again as a new task of the function's latest version, and removes the letter.</summary>
    public virtual Task<DeadLetterReplay> ReplayDeadLetterAsync(string function, Guid id, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<DeadLetterReplay>($"{DeadLetters(function)}/{id}/replay", null, cancellationToken);

    /// <summary>Replays every dead letter of a function, newest first.</summary>
    public virtual Task<IReadOnlyList<DeadLetterReplay>> ReplayDeadLettersAsync(string function, CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<IReadOnlyList<DeadLetterReplay>>($"{DeadLetters(function)}/replay", null, cancellationToken);

    /// <summary>Deletes a dead letter without replaying it; 404 when the function has no such letter.</summary>
    public virtual async Task DeleteDeadLetterAsync(string function, Guid id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{DeadLetters(function)}/{id}");
        using var response = await Pipeline.Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static string DeadLetters(string function) => $"v1/functions/{Escape(function)}/dead-letters";
}
