using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Mvc;

public class UploadController : ControllerBase
{
    private readonly IAmazonS3 _s3;

    public UploadController(IAmazonS3 s3) => _s3 = s3;

    [HttpPost("upload")]
    public async Task<IActionResult> Upload(IFormFile file)
    {
        await using var body = file.OpenReadStream();
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Environment.GetEnvironmentVariable("BUCKET"),
            Key = file.FileName,
            InputStream = body,
        });
        return Ok();
    }
}
