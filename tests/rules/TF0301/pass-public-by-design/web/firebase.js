const firebaseConfig = {
  apiKey: "AIzaAbCd01-_EfGh23IjAbCd01-_EfGh23IjAbC",
  authDomain: "synthetic.firebaseapp.com",
  projectId: "synthetic",
};
