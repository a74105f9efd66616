package tools

const fineGrained = "github_pat_AbCdEfGh01234567AbCdEf_AbCdEfGh01234567AbCdEfGh01234567AbCdEfGh01234567AbCdEfGh012"
const gitlab = "glpat-AbCd01-_EfGh23IjAbCd"
