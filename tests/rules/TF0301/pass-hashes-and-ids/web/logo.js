export const logo = "data:image/png;base64,iVBORw0KGgoAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/";
