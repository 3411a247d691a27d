export default defineBackground(() => {
  console.log('sidelog bg');
});
